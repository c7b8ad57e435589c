import { type TestApp, useTestApp } from "@profilehub/api/testing";
import { POSTGRES_TIMEOUT_DEFAULTS } from "@profilehub/db";
import { beforeAll } from "vitest";

import type { RouteModule } from "@/server/http/route-methods";
import { provideRuntime, type Runtime } from "@/server/runtime";

export const TRUSTED_ORIGIN = "https://trusted.example";

/**
 * The router on a fresh database (PGlite or PostgreSQL, per test project), served to the real
 * route handlers of the app — called directly with `Request` objects, no mocks.
 */
export function useDialectApp(...args: Parameters<typeof useTestApp>): TestApp {
  const app = useTestApp(...args);
  beforeAll(() => {
    const runtime = {
      get services() {
        return app.services;
      },
      database: app.database,
      dataDir: "",
      mailWorker: null,
      loaded: {
        // The one origin allowed with credentials (CORS_ORIGINS) in the dialect tests.
        env: { CORS_ORIGINS: [TRUSTED_ORIGIN] } as Runtime["loaded"]["env"],
        warnings: [],
        generated: { authSecret: false, serverApiKey: false, createdNow: false },
        databaseTimeouts: POSTGRES_TIMEOUT_DEFAULTS,
        databasePreparedStatements: true,
        mailDelivery: { sendTimeoutMs: 30_000, retryWindowMs: 24 * 3_600_000 },
        get config() {
          return app.services.config;
        },
      },
    } satisfies Runtime;
    provideRuntime(runtime);
  });
  return app;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /** Send `body` as-is (a string) instead of JSON (still labelled JSON unless a header says otherwise). */
  raw?: boolean;
}

/** Calls a route module's handler the way Next.js does. */
export async function call(
  route: RouteModule<any>,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS",
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const hasBody = options.body !== undefined;
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    ...(hasBody ? { body: options.raw ? (options.body as string) : JSON.stringify(options.body) } : {}),
  });
  const response = await route[method](request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
