import { KnownErrors, type StackError } from "./known-errors";

export type AccessType = "client" | "server";

/**
 * A Stack Auth request header by its suffix: the SDK sends `x-hexclave-<name>` since 2.8.10x and
 * `x-stack-<name>` before; Stack's backend accepts both (the newer name wins when both are sent).
 */
export const stackHeader = (request: Request, name: string) =>
  request.headers.get(`x-hexclave-${name}`)?.trim() || request.headers.get(`x-stack-${name}`)?.trim() || null;

const header = (request: Request, name: string) => stackHeader(request, name.replace(/^x-stack-/, ""));

/** The caller's access token (`x-stack-access-token`, as is: no `Bearer` prefix in Stack Auth). */
export const accessTokenOf = (request: Request) => header(request, "x-stack-access-token");

/** `x-stack-access-type: server` asks for server access: the router then requires the right key. */
export const claimsServerAccess = (request: Request) => header(request, "x-stack-access-type") === "server";

/** The server key counts only with server access type (client access never gets server rights). */
export const serverKeyOf = (request: Request) =>
  claimsServerAccess(request) ? header(request, "x-stack-secret-server-key") : null;

/**
 * The publishable client key of a client-access request (`null`: none sent), for the router to
 * check against the project's; `undefined` otherwise (server access needs none, as in Stack).
 */
export const publishableKeyOf = (request: Request): string | null | undefined =>
  header(request, "x-stack-access-type") === "client" ? header(request, "x-stack-publishable-client-key") : undefined;

/** The project the request names (it must be the access token's: the router checks). */
export const projectIdOf = (request: Request) => header(request, "x-stack-project-id");

/** When an access token says it expires (read without trusting it; only for the error's details). */
function expiryOf(token: string | null): Date | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
    return typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1000) : null;
  } catch {
    return null;
  }
}

export const expiredTokenError = (request: Request) => KnownErrors.accessTokenExpired(expiryOf(accessTokenOf(request)));

/**
 * Stack Auth's request protocol, in its order: an access type (client or server) and a project
 * id. Who the caller is — token, project, server key, a user for `me` — the router decides.
 */
export function stackAccessType(
  request: Request,
): { ok: true; accessType: AccessType } | { ok: false; error: StackError } {
  const accessType = header(request, "x-stack-access-type");
  if (!accessType) {
    const keyGiven = header(request, "x-stack-publishable-client-key") || header(request, "x-stack-secret-server-key");
    return {
      ok: false,
      error: keyGiven ? KnownErrors.projectKeyWithoutAccessType() : KnownErrors.accessTypeRequired(),
    };
  }
  if (accessType === "admin") return { ok: false, error: KnownErrors.insufficientAccessType(accessType) };
  if (accessType !== "client" && accessType !== "server") {
    return { ok: false, error: KnownErrors.invalidAccessType(accessType) };
  }
  if (!projectIdOf(request)) return { ok: false, error: KnownErrors.accessTypeWithoutProjectId(accessType) };
  return { ok: true, accessType };
}
