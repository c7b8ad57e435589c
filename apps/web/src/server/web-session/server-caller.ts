import { createCaller, createRequestContext } from "@profilehub/api";
import { cookies, headers } from "next/headers";

import { clientInfoOf } from "../http/request-info";
import { getRuntime } from "../runtime";
import { SESSION_COOKIE } from "./cookie";

/**
 * The router as the signed-in browser user, for server components (page loads only: mutations go
 * through /api/trpc with the CSRF header).
 */
export async function serverCaller() {
  const { services } = await getRuntime();
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const ctx = await createRequestContext(services, {
    door: "web",
    webSessionCookie: jar.get(SESSION_COOKIE)?.value ?? null,
    client: clientInfoOf({ headers: incoming }),
  });
  return { caller: createCaller(ctx), signedIn: ctx.session !== null };
}
