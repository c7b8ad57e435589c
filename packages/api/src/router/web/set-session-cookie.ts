import { SESSION_TTL_DAYS } from "../../config/lifetimes";
import type { Context } from "../../context";
import { appError } from "../../errors";
import { webSessionCookieValue } from "../../services/sessions/web-session";

/** Hands a browser session to the door's cookie writer (the secret never reaches page scripts). */
export function setSessionCookie(ctx: Context, sessionId: string, webSecret: string | null): void {
  if (!ctx.sessionCookie || !webSecret) throw appError("forbidden", { action: "browser_session" });
  ctx.sessionCookie.set(webSessionCookieValue(sessionId, webSecret), SESSION_TTL_DAYS * 24 * 60 * 60);
}
