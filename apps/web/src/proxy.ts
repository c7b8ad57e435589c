import { type NextRequest, NextResponse } from "next/server";

import { newNonce, pageCsp } from "@/server/security/csp";

/**
 * Pages only (see `config.matcher`): a fresh nonce per response, in the CSP of the response and of
 * the request — Next.js reads it there and puts it on its own scripts; the root layout reads
 * `x-nonce` for the theme script. The other security headers come from the HTTP server.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API doors (/api, /users/…, /<project>/users/…), /docs (its own nonce), assets.
      source: "/((?!api/|api$|_next/|docs$|scalar/|icon\\.svg|favicon\\.ico|users/|[^/]+/users/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
