import { createServer } from "node:net";
import type { Database } from "@profilehub/db";

import * as route from "@/app/[projectId]/users/[userId]/route";

import { bearer, call, type CallResult } from "../helpers/dialect-app";

export { route };

/** Credentials: an access token, or `{ "x-api-key": … }`. */
export type Auth = string | Record<string, string>;
const headersOf = (auth: Auth | null) => (auth === null ? {} : typeof auth === "string" ? bearer(auth) : auth);

export const pathOf = (projectId: string, userId: string) => `/${projectId}/users/${userId}`;

export function patch(auth: Auth | null, projectId: string, userId: string, body: unknown): Promise<CallResult> {
  return call(route, "PATCH", pathOf(projectId, userId), {
    headers: headersOf(auth),
    params: { projectId, userId },
    body,
  });
}

export function get(auth: Auth | null, projectId: string, userId: string): Promise<CallResult> {
  return call(route, "GET", pathOf(projectId, userId), { headers: headersOf(auth), params: { projectId, userId } });
}

/** A URL on loopback where nothing listens (a webhook receiver that is down). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hooks/validate`;
}

/** A real PNG (signature + padding) of about `size` bytes, as a data URL. */
export function pngDataUrl(size = 64): string {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return `data:image/png;base64,${bytes.toString("base64")}`;
}

/** Makes every UPDATE of a user fail inside the database with an internal-looking message. */
export async function withFailingUserUpdates<T>(db: Database, run: () => Promise<T>): Promise<T> {
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION b_test_fail() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'disk failure on db-primary.internal:5432 in relation users'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER b_test_fail BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION b_test_fail()`,
  );
  try {
    return await run();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS b_test_fail ON users`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS b_test_fail()`);
  }
}
