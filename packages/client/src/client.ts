import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from "@trpc/client";

import { badResponse } from "./errors";
import { refreshLink } from "./refresh-link";
import type { TokenSession } from "./token-session";
import type { AppRouter } from "./types";
import { CLIENT_API_VERSION, VERSION_HEADERS } from "./version";

type MaybePromise<T> = T | Promise<T>;

export interface ProfileHubClientOptions {
  /** Base URL of the ProfileHub server, e.g. `http://localhost:3000` (calls go to `/api/trpc`). */
  url: string;
  /**
   * A signed-in session (`createTokenSession`): its access token is sent, and renewed — once,
   * for every call waiting — when it is about to expire or the server says it has.
   */
  session?: TokenSession;
  /** A fixed access token sent as `Authorization: Bearer <token>` (no refresh). */
  token?: string | null;
  /** Called before every request, for tokens managed elsewhere; wins over `token`. */
  getToken?: () => MaybePromise<string | null | undefined>;
  /** Server key (`x-api-key`) for server access: admin procedures and any user's account. */
  serverKey?: string;
  /** A `fetch` implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers (e.g. `user-agent`), or a function returning them before every request. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
}

/** A fully typed client of the router: `client.me.update.mutate({displayName: "Ada"})`. */
export type ProfileHubClient = TRPCClient<AppRouter>;

/** `http://host:3000/` → `http://host:3000`. */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

/** The links of every ProfileHub client (plain and React): refresh, then batched HTTP. */
export function profileHubLinks(options: ProfileHubClientOptions): TRPCLink<AppRouter>[] {
  const { session } = options;
  const token = () => (session ? session.accessToken() : options.getToken ? options.getToken() : options.token);
  const http = httpBatchLink<AppRouter>({
    url: `${baseUrl(options.url)}/api/trpc`,
    // An answer that is not JSON (a proxy's error page, another server) becomes a clear error.
    async fetch(input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) {
      const response = await (options.fetch ?? globalThis.fetch)(input, init);
      if (!/json/i.test(response.headers.get("content-type") ?? "")) throw badResponse(response.status);
      return response;
    },
    async headers() {
      const headers = { ...(typeof options.headers === "function" ? await options.headers() : options.headers) };
      headers[VERSION_HEADERS.client] = String(CLIENT_API_VERSION);
      const bearer = await token();
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (options.serverKey) headers["x-api-key"] = options.serverKey;
      return headers;
    },
  });
  return session ? [refreshLink(session), http] : [http];
}

/**
 * A typed tRPC client for `${url}/api/trpc` (batched HTTP, no transformer: the server uses none).
 * Errors are `TRPCClientError`s; `ProfileHubError.from(error)` gives the code and the issues.
 */
export function createProfileHubClient(options: ProfileHubClientOptions): ProfileHubClient {
  return createTRPCClient<AppRouter>({ links: profileHubLinks(options) });
}
