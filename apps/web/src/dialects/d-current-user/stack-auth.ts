import type { Context } from "@profilehub/api";
import { KnownErrors, type StackError } from "./known-errors";

export type AccessType = "client" | "server";

const header = (request: Request, name: string) => request.headers.get(name)?.trim() || null;

/** The caller's access token (`x-stack-access-token`, as is: no `Bearer` prefix in Stack Auth). */
export const accessTokenOf = (request: Request) => header(request, "x-stack-access-token");

/** The server key counts only with `x-stack-access-type: server` (client access never gets server rights). */
export const serverKeyOf = (request: Request) =>
  header(request, "x-stack-access-type") === "server" ? header(request, "x-stack-secret-server-key") : null;

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

export interface StackCaller {
  accessType: AccessType;
  projectId: string;
  userId: string;
}

/**
 * Stack Auth's request authentication, in its order: access type, project id, access token
 * (parsable, not expired, of this project), server key, then a user for `me`. The publishable
 * client key is accepted and ignored.
 */
export function authenticate(
  request: Request,
  ctx: Context,
): { ok: true; caller: StackCaller } | { ok: false; error: StackError } {
  const fail = (error: StackError) => ({ ok: false as const, error });
  const accessType = header(request, "x-stack-access-type");
  const projectId = header(request, "x-stack-project-id");
  if (!accessType) {
    const keyGiven = header(request, "x-stack-publishable-client-key") || header(request, "x-stack-secret-server-key");
    return fail(keyGiven ? KnownErrors.projectKeyWithoutAccessType() : KnownErrors.accessTypeRequired());
  }
  if (accessType === "admin") return fail(KnownErrors.insufficientAccessType(accessType));
  if (accessType !== "client" && accessType !== "server") return fail(KnownErrors.invalidAccessType(accessType));
  if (!projectId) return fail(KnownErrors.accessTypeWithoutProjectId(accessType));
  if (ctx.tokenFailure === "expired") return fail(expiredTokenError(request));
  if (ctx.tokenFailure) return fail(KnownErrors.unparsableAccessToken());
  if (ctx.session && ctx.session.projectId !== projectId) {
    return fail(KnownErrors.invalidProjectForAccessToken(projectId, ctx.session.projectId));
  }
  if (accessType === "server" && !ctx.serverAccess) return fail(KnownErrors.invalidSecretServerKey(projectId));
  if (!ctx.session) return fail(KnownErrors.cannotGetOwnUserWithoutUser());
  return { ok: true, caller: { accessType, projectId, userId: ctx.session.userId } };
}
