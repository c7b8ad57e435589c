import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { badResponse } from "./errors";
import type { AppRouter } from "./types";

type MaybePromise<T> = T | Promise<T>;

export interface ProfileHubClientOptions {
  /** Base URL of the ProfileHub server, e.g. `http://localhost:3000` (calls go to `/api/trpc`). */
  url: string;
  /** Access token sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Called before every request, for tokens that change (refresh); wins over `token`. */
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

/**
 * A typed tRPC client for `${url}/api/trpc` (batched HTTP, no transformer: the server uses none).
 * Errors are `TRPCClientError`s; `ProfileHubError.from(error)` gives the reason and the issues.
 */
export function createProfileHubClient(options: ProfileHubClientOptions): ProfileHubClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink<AppRouter>({
        url: `${baseUrl(options.url)}/api/trpc`,
        // An answer that is not JSON (a proxy's error page, another server) becomes a clear error.
        async fetch(input: string | URL, init?: RequestInit) {
          const response = await (options.fetch ?? globalThis.fetch)(input, init);
          if (!/json/i.test(response.headers.get("content-type") ?? "")) throw badResponse(response.status);
          return response;
        },
        async headers() {
          const headers = { ...(typeof options.headers === "function" ? await options.headers() : options.headers) };
          const token = options.getToken ? await options.getToken() : options.token;
          if (token) headers.authorization = `Bearer ${token}`;
          if (options.serverKey) headers["x-api-key"] = options.serverKey;
          return headers;
        },
      }),
    ],
  });
}
