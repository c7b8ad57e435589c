/**
 * Stack Auth's known errors, as its backend renders them: `{code, details?, error}` with the
 * `x-stack-known-error` header. Codes, statuses, messages and details are Stack's own
 * (packages/stack-shared/src/known-errors.tsx); the few ProfileHub additions are marked and listed
 * in docs/dialects/d-current-user.md.
 */
export interface StackError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  /** Not a known error: Stack's plain `StatusError` (the message as `text/plain`, no known-error header). */
  plain?: true;
}

const known = (status: number, code: string, message: string, details?: Record<string, unknown>): StackError =>
  details ? { status, code, message, details } : { status, code, message };

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
  /** `admin` is a Stack access type, but this endpoint (here) serves only client and server access. */
  insufficientAccessType: (accessType: string) =>
    known(
      401,
      "INSUFFICIENT_ACCESS_TYPE",
      `The x-stack-access-type header must be 'client' or 'server', but was '${accessType}'.`,
      { actual_access_type: accessType, allowed_access_types: ["client", "server"] },
    ),
  accessTypeWithoutProjectId: (accessType: string) =>
    known(
      400,
      "ACCESS_TYPE_WITHOUT_PROJECT_ID",
      `The x-stack-access-type header was '${accessType}', but the x-stack-project-id header was not provided.\n\n${AUTH_DOCS}`,
      { request_type: accessType },
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
  /** Stack's parent code of every access-token problem; here: the token's session was revoked. */
  invalidAccessToken: () =>
    known(
      401,
      "INVALID_ACCESS_TOKEN",
      "Access token is no longer valid: its session has been revoked or has expired. Please sign in again.",
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
  passwordRequirementsNotMet: (message: string) => known(400, "PASSWORD_REQUIREMENTS_NOT_MET", message),
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
  /** Stack's own (not a known error): `DELETE /users/me` while the project has not turned client deletion on. */
  clientUserDeletionDisabled: (): StackError => ({
    status: 400,
    code: "",
    message: "Client user deletion is not enabled for this project",
    plain: true,
  }),
  // ProfileHub additions: situations Stack Auth has no known error for.
  userUpdateConflict: (message: string) => known(409, "USER_UPDATE_CONFLICT", message),
  userUpdateRejected: (message: string) => known(422, "USER_UPDATE_REJECTED", message),
  userUpdateWebhookFailed: (message: string) => known(502, "USER_UPDATE_WEBHOOK_FAILED", message),
  methodNotAllowed: (message: string) => known(405, "METHOD_NOT_ALLOWED", message),
  routeNotFound: (message: string) => known(404, "ROUTE_NOT_FOUND", message),
  rateLimited: (message: string) => known(429, "RATE_LIMITED", message),
  serviceUnavailable: () => known(503, "SERVICE_UNAVAILABLE", "Service unavailable. Please try again later."),
  internal: () => known(500, "INTERNAL_SERVER_ERROR", "Something went wrong. Please try again later."),
} as const;

/**
 * The error as Stack's backend sends it: the code in both header generations, and — when the
 * client asked with `x-stack-override-error-status` (or `x-hexclave-…`), as Stack's SDK always
 * does so that browsers do not log failed requests — status 200 with the real one in
 * `x-stack-actual-status`/`x-hexclave-actual-status`.
 */
export function stackErrorResponse(error: StackError, request?: Request): Response {
  const headers = error.plain
    ? new Headers({ "content-type": "text/plain; charset=utf-8" })
    : new Headers({ "x-stack-known-error": error.code, "x-hexclave-known-error": error.code });
  const override = request && wantsStatusOverride(request);
  if (override) {
    headers.set("x-stack-actual-status", String(error.status));
    headers.set("x-hexclave-actual-status", String(error.status));
  }
  const status = override ? 200 : error.status;
  if (error.plain) return new Response(error.message, { status, headers });
  const body = { code: error.code, ...(error.details ? { details: error.details } : {}), error: error.message };
  return Response.json(body, { status, headers });
}

const wantsStatusOverride = (request: Request) =>
  [request.headers.get("x-hexclave-override-error-status"), request.headers.get("x-stack-override-error-status")].some(
    (value) => value?.trim().toLowerCase() === "true",
  );
