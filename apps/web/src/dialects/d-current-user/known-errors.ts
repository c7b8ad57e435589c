import type { AccessType } from "./stack-auth";

/**
 * Stack Auth's errors, as its backend renders them: a known error is `{code, details?, error}` with
 * the `x-stack-known-error` header — codes, statuses, messages and details are Stack's own
 * (packages/stack-shared/src/known-errors.tsx), every code in its SDK's catalogue; anything else is
 * a plain `StatusError` (`code: null`): its status and a text message, no known-error header, which
 * the SDK reports as a failed request (and retries after `Retry-After` on 429).
 */
export interface StackError {
  status: number;
  code: string | null;
  message: string;
  details?: Record<string, unknown>;
}

const known = (status: number, code: string, message: string, details?: Record<string, unknown>): StackError =>
  details ? { status, code, message, details } : { status, code, message };

/** Stack's `StatusError`: an error its SDK has no class for. */
export const statusError = (status: number, message: string): StackError => ({ status, code: null, message });

const AUTH_DOCS =
  "For more information, see the docs on REST API authentication: https://docs.stack-auth.com/rest-api/overview#authentication";

export const KnownErrors = {
  accessTypeRequired: () =>
    known(
      400,
      "ACCESS_TYPE_REQUIRED",
      `You must specify an access level for this Stack project. Make sure project API keys are provided (eg. x-stack-publishable-client-key) and you set the x-stack-access-type header to 'client', 'server', or 'admin'.\n\n${AUTH_DOCS}`,
    ),
  projectKeyWithoutAccessType: () =>
    known(
      400,
      "PROJECT_KEY_WITHOUT_ACCESS_TYPE",
      "Either an API key or an admin access token was provided, but the x-stack-access-type header is missing. Set it to 'client', 'server', or 'admin' as appropriate.",
    ),
  invalidAccessType: (accessType: string) =>
    known(
      400,
      "INVALID_ACCESS_TYPE",
      `The x-stack-access-type header must be 'client', 'server', or 'admin', but was '${accessType}'.`,
    ),
  /**
   * An access type the route does not serve: `admin` anywhere (a Stack access type this server has
   * no use for), `client` on server-only routes such as `DELETE /users/{id}` (Stack lists the
   * types its route accepts; ours never include `admin`).
   */
  insufficientAccessType: (accessType: string, allowed: readonly AccessType[] = ["client", "server"]) =>
    known(
      401,
      "INSUFFICIENT_ACCESS_TYPE",
      `The x-stack-access-type header must be ${allowed.map((type) => `'${type}'`).join(" or ")}, but was '${accessType}'.`,
      { actual_access_type: accessType, allowed_access_types: [...allowed] },
    ),
  accessTypeWithoutProjectId: (accessType: string) =>
    known(
      400,
      "ACCESS_TYPE_WITHOUT_PROJECT_ID",
      `The x-stack-access-type header was '${accessType}', but the x-stack-project-id header was not provided.\n\n${AUTH_DOCS}`,
      { request_type: accessType },
    ),
  invalidPublishableClientKey: (projectId: string) =>
    known(
      401,
      "INVALID_PUBLISHABLE_CLIENT_KEY",
      `The publishable key is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`,
      { project_id: projectId },
    ),
  publishableClientKeyRequiredForProject: (projectId: string) =>
    known(
      401,
      "PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT",
      "Publishable client keys are required for this project. Create one in Project Keys, or disable this requirement there to allow keyless client access.",
      { project_id: projectId },
    ),
  invalidSecretServerKey: (projectId: string) =>
    known(
      401,
      "INVALID_SECRET_SERVER_KEY",
      `The secret server key is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`,
      { project_id: projectId },
    ),
  unparsableAccessToken: () => known(401, "UNPARSABLE_ACCESS_TOKEN", "Access token is not parsable."),
  accessTokenExpired: (expiredAt: Date | null) =>
    known(
      401,
      "ACCESS_TOKEN_EXPIRED",
      `Access token has expired. Please refresh it and try again.${expiredAt ? ` (The access token expired at ${expiredAt.toISOString()}.)` : ""}`,
      { expired_at_millis: expiredAt?.getTime() ?? null },
    ),
  invalidProjectForAccessToken: (expectedProjectId: string, actualProjectId: string) =>
    known(
      401,
      "INVALID_PROJECT_FOR_ACCESS_TOKEN",
      `Access token not valid for this project. Expected project ID ${JSON.stringify(expectedProjectId)}, but the token is for project ID ${JSON.stringify(actualProjectId)}.`,
      { expected_project_id: expectedProjectId, actual_project_id: actualProjectId },
    ),
  cannotGetOwnUserWithoutUser: () =>
    known(
      400,
      "CANNOT_GET_OWN_USER_WITHOUT_USER",
      "You have specified 'me' as a userId, but did not provide authentication for a user.",
    ),
  userNotFound: () => known(404, "USER_NOT_FOUND", "User not found."),
  /** Every problem at once, one line each, as Stack's request validation reports them. */
  schemaError: (request: Request, problems: readonly string[]) => {
    const message = `Request validation failed on ${request.method} ${new URL(request.url).pathname}:\n${problems
      .map((problem) => `  - ${problem}`)
      .join("\n")}`;
    return known(400, "SCHEMA_ERROR", message, { message });
  },
  bodyParsingError: (message: string, status = 400) => known(status, "BODY_PARSING_ERROR", message),
  passwordTooShort: (minLength: number) =>
    known(400, "PASSWORD_TOO_SHORT", `Password too short. Minimum length is ${minLength}.`, { min_length: minLength }),
  passwordTooLong: (maxLength: number) =>
    known(400, "PASSWORD_TOO_LONG", `Password too long. Maximum length is ${maxLength}.`, { maxLength }),
  /** A parent class in the SDK: it rebuilds the error from `details` (`{message}`), as for any inherited code. */
  passwordRequirementsNotMet: (message: string) => known(400, "PASSWORD_REQUIREMENTS_NOT_MET", message, { message }),
  userEmailAlreadyExists: (email: string) =>
    known(409, "USER_EMAIL_ALREADY_EXISTS", `A user with email ${JSON.stringify(email)} already exists.`, {
      email,
      would_work_if_email_was_verified: false,
    }),
  teamMembershipNotFound: (teamId: string, userId: string) =>
    known(404, "TEAM_MEMBERSHIP_NOT_FOUND", `User ${userId} is not found in team ${teamId}.`, {
      team_id: teamId,
      user_id: userId,
    }),
  emailPasswordMismatch: () => known(400, "EMAIL_PASSWORD_MISMATCH", "Wrong e-mail or password."),
  refreshTokenNotFoundOrExpired: () =>
    known(
      401,
      "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED",
      "Refresh token not found for this project, or the session has expired/been revoked.",
    ),
  invalidOAuthClientIdOrSecret: (clientId: string | null) =>
    known(
      400,
      "INVALID_OAUTH_CLIENT_ID_OR_SECRET",
      "The OAuth client ID or secret is invalid. The client ID must be equal to the project ID (potentially with a hash and a branch ID), and the client secret must be a publishable client key.",
      { client_id: clientId },
    ),
  invalidTotpCode: () => known(400, "INVALID_TOTP_CODE", "The TOTP code is invalid. Please try again."),
  multiFactorAuthenticationRequired: (attemptCode: string) =>
    known(400, "MULTI_FACTOR_AUTHENTICATION_REQUIRED", "Multi-factor authentication is required for this user.", {
      attempt_code: attemptCode,
    }),
  verificationCodeNotFound: () =>
    known(404, "VERIFICATION_CODE_NOT_FOUND", "The verification code does not exist for this project."),
  passwordConfirmationMismatch: () => known(400, "PASSWORD_CONFIRMATION_MISMATCH", "Passwords do not match."),
  cannotDeleteCurrentSession: () => known(400, "CANNOT_DELETE_CURRENT_SESSION", "Cannot delete the current session."),
  /** Stack's own StatusError for `DELETE /users/me` while the project has not turned client deletion on. */
  clientUserDeletionDisabled: () => statusError(400, "Client user deletion is not enabled for this project"),
  // Situations Stack Auth has no known error for: plain StatusErrors, as its backend sends them.
  userAlreadyHasPassword: () => statusError(400, "User already has a password set."),
  userUpdateConflict: (message: string) => statusError(409, message),
  userUpdateRejected: (message: string) => statusError(422, message),
  userUpdateWebhookFailed: (message: string) => statusError(502, message),
  methodNotAllowed: (message: string) => statusError(405, message),
  rateLimited: (message: string) => statusError(429, message),
  serviceUnavailable: () => statusError(503, "Service unavailable. Please try again later."),
  internal: () => statusError(500, "Something went wrong. Please try again later."),
} as const;

/**
 * The error as Stack's backend sends it: a known error's code in both header generations (a
 * StatusError as plain text), and — for a 4xx, when the client asked with
 * `x-stack-override-error-status` (or `x-hexclave-…`), as Stack's SDK always does so that browsers
 * do not log failed requests — status 200 with the real one in `x-stack-actual-status`/`x-hexclave-actual-status`.
 */
export function stackErrorResponse(error: StackError, request?: Request): Response {
  const headers = new Headers();
  if (error.code !== null) {
    headers.set("x-stack-known-error", error.code);
    headers.set("x-hexclave-known-error", error.code);
  }
  // Stack overrides 4xx statuses only: a 5xx stays what it is.
  const override = request && wantsStatusOverride(request) && error.status >= 400 && error.status < 500;
  if (override) {
    headers.set("x-stack-actual-status", String(error.status));
    headers.set("x-hexclave-actual-status", String(error.status));
  }
  const status = override ? 200 : error.status;
  if (error.code === null) {
    headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(error.message, { status, headers });
  }
  const body = { code: error.code, ...(error.details ? { details: error.details } : {}), error: error.message };
  return Response.json(body, { status, headers });
}

const wantsStatusOverride = (request: Request) =>
  [request.headers.get("x-hexclave-override-error-status"), request.headers.get("x-stack-override-error-status")].some(
    (value) => value?.trim().toLowerCase() === "true",
  );
