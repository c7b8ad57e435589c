import { z } from "zod";
import { emailSchema } from "./email";
import { passwordSchema, PASSWORD_MAX_LENGTH } from "./password";
import { publicUserSchema } from "./user";

export const DEFAULT_PROJECT_ID = "default";

export const projectIdSchema = z.string({ error: "projectId must be a string" }).regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: "projectId must be 1-64 characters of letters, digits, _ and -",
});

export const signupInputSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema(),
  projectId: projectIdSchema.optional(),
});
export type SignupInput = z.input<typeof signupInputSchema>;

const loginPassword = z
  .string({ error: "password must be a string" })
  .min(1, { error: "password is required" })
  .max(PASSWORD_MAX_LENGTH, { error: "password is too long" });

/** The current code of an authenticator app (when two-factor is on). */
export const totpCodeSchema = z
  .string({ error: "The two-factor code must be a string" })
  .trim()
  .regex(/^\d{6}$/, { error: "The two-factor code is 6 digits" });

export const passwordGrantSchema = z.strictObject({
  grant_type: z.literal("password"),
  email: emailSchema,
  password: loginPassword,
  projectId: projectIdSchema.optional(),
  totp: totpCodeSchema.optional(),
});

export const refreshGrantSchema = z.strictObject({
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string({ error: "refresh_token must be a string" }).min(1).max(512),
});

export const tokenRequestSchema = z.discriminatedUnion("grant_type", [passwordGrantSchema, refreshGrantSchema], {
  error: 'grant_type must be "password" or "refresh_token"',
});
export type TokenRequest = z.input<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  user: publicUserSchema,
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Lifetime of the access token in seconds. */
  expiresIn: z.number().int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
