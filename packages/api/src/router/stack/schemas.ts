import {
  emailSchema,
  fails,
  PASSWORD_MAX_LENGTH,
  passwordSchema,
  projectIdSchema,
  totpCodeSchema,
} from "@profilehub/validators";
import { z } from "zod";

/** Stack Auth's minimum password length (its `PASSWORD_TOO_SHORT` says 8). */
export const STACK_PASSWORD_MIN_LENGTH = 8;

/** What Stack's SDK sends to sign in: the project (its id or Stack UUID, from the request's header). */
export const stackSignInSchema = z.strictObject({
  projectId: projectIdSchema,
  email: emailSchema,
  password: z.string(fails("invalid_type")).min(1, fails("required")).max(PASSWORD_MAX_LENGTH, fails("too_long")),
});

export const stackSignUpSchema = stackSignInSchema.extend({ password: passwordSchema(STACK_PASSWORD_MIN_LENGTH) });

export const stackRefreshSchema = z.strictObject({
  /** The OAuth `client_id`: Stack's SDK sends its project id. */
  projectId: projectIdSchema,
  refreshToken: z.string(fails("invalid_type")).min(1, fails("required")).max(512, fails("too_long")),
  /** The OAuth `client_secret`: the project's publishable client key (`null`: none sent). */
  publishableClientKey: z.string(fails("invalid_type")).max(512, fails("too_long")).nullable().optional(),
});

/** Stack's sign-in and sign-up answer; the refresh grant's is built by the door from the same. */
export const stackTokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  userId: z.uuid(),
  expiresIn: z.number().int(),
});

/** Stack's password update (`old_password`, `new_password`) or set (`password` only): checked by the update's rules. */
export const stackPasswordChangeSchema = z.strictObject({
  newPassword: z.unknown(),
  oldPassword: z.unknown().optional(),
});

/** Stack's MFA sign-in: the attempt code of `MULTI_FACTOR_AUTHENTICATION_REQUIRED` and the current TOTP code. */
export const stackMfaSignInSchema = z.strictObject({
  projectId: projectIdSchema,
  attemptCode: z.string(fails("invalid_type")).min(1, fails("required")).max(2048, fails("too_long")),
  totp: totpCodeSchema,
});
