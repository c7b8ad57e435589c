import { z } from "zod";

import { emailSchema } from "./email";
import { PASSWORD_MAX_LENGTH, TOTP_CODE_PATTERN } from "./form-checks";
import { passwordSchema } from "./password";
import { fails } from "./problems/zod-codes";
import { recoveryCodeSchema } from "./recovery-codes";
import { publicUserSchema } from "./user";

export const DEFAULT_PROJECT_ID = "default";

export const projectIdSchema = z
  .string(fails("invalid_type"))
  .regex(/^[A-Za-z0-9_-]{1,64}$/, fails("invalid_project_id"));

export const signupInputSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema(),
  projectId: projectIdSchema.optional(),
});
export type SignupInput = z.input<typeof signupInputSchema>;

const loginPassword = z
  .string(fails("invalid_type"))
  .min(1, fails("required"))
  .max(PASSWORD_MAX_LENGTH, fails("too_long"));

/** The current code of an authenticator app (when two-factor is on). */
export const totpCodeSchema = z
  .string(fails("invalid_type"))
  .trim()
  .regex(TOTP_CODE_PATTERN, fails("totp_code_format"));

export const passwordGrantSchema = z.strictObject({
  grant_type: z.literal("password"),
  email: emailSchema,
  password: loginPassword,
  projectId: projectIdSchema.optional(),
  totp: totpCodeSchema.optional(),
  /** A 2FA recovery code, instead of `totp` (each works once). */
  recoveryCode: recoveryCodeSchema.optional(),
});

export const refreshGrantSchema = z.strictObject({
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string(fails("invalid_type")).min(1, fails("required")).max(512, fails("too_long")),
});

export const tokenRequestSchema = z.discriminatedUnion(
  "grant_type",
  [passwordGrantSchema, refreshGrantSchema],
  fails("not_one_of", { values: ["password", "refresh_token"] }),
);
export type TokenRequest = z.input<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  user: publicUserSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Lifetime of the access token in seconds. */
  expiresIn: z.number().int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** `auth.recover`: mail a password-reset link to this address, if it has an account. */
export const recoverInputSchema = z.strictObject({
  email: emailSchema,
  projectId: projectIdSchema.optional(),
});
export type RecoverInput = z.input<typeof recoverInputSchema>;

/** `auth.reset`: the mailed link's token and the new password (the same rules as a change). */
export const resetInputSchema = z.strictObject({
  token: z.string(fails("invalid_type")).min(1, fails("required")).max(512, fails("too_long")),
  password: passwordSchema(),
});
export type ResetInput = z.input<typeof resetInputSchema>;
