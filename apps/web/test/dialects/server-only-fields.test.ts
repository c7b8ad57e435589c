import { describe, expect, it } from "vitest";

import * as projectUser from "@/app/[projectId]/users/[userId]/route";
import * as formJson from "@/app/api/user/update/route";
import * as currentUser from "@/app/api/v1/users/me/route";
import * as authUser from "@/app/api/v3/auth/user/route";
import * as usersById from "@/app/users/[id]/route";

import { bearer, call, type CallResult, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const FORGED = { role: "admin" };

/** Every way a signed-in user writes their account, each with its own spelling of the fields. */
async function doors() {
  const user = await app.signUp({ email: "forger@example.com" });
  const token = user.accessToken;
  const stack = { "x-stack-project-id": "default", "x-stack-access-type": "client", "x-stack-access-token": token };
  const b = { params: { projectId: "default", userId: user.id } };
  const e = { params: { id: String(user.number) } };
  const native = await user.as();
  const nativeCall = async (run: () => Promise<unknown>): Promise<CallResult> => {
    try {
      return { status: 200, headers: new Headers(), text: JSON.stringify(await run()), json: null };
    } catch (error) {
      return { status: 400, headers: new Headers(), text: String(error), json: null };
    }
  };
  const writes: Record<string, (body: Record<string, unknown>) => Promise<CallResult>> = {
    "native me.update": (body) => nativeCall(() => native.me.update(body)),
    "native users.update": (body) => nativeCall(() => native.users.update({ userId: user.id, changes: body })),
    A: (body) => call(authUser, "PUT", "/api/v3/auth/user", { headers: bearer(token), body }),
    B: (update) =>
      call(projectUser, "PATCH", `/default/users/${user.id}`, { headers: bearer(token), body: { update }, ...b }),
    C: (fields) =>
      call(formJson, "PUT", "/api/user/update", {
        headers: { authorization: token, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          json: JSON.stringify({ name: "Jo", surname: "Doe", email: user.email, ...fields }),
        }).toString(),
        raw: true,
      }),
    D: (body) => call(currentUser, "PATCH", "/api/v1/users/me", { headers: stack, body }),
    E: (fields) =>
      call(usersById, "PUT", `/users/${user.number}`, { headers: bearer(token), body: { user: fields }, ...e }),
  };
  const reads: Record<string, () => Promise<string>> = {
    "native me.get": async () => JSON.stringify(await native.me.get()),
    A: async () => (await call(authUser, "GET", "/api/v3/auth/user", { headers: bearer(token) })).text,
    B: async () => (await call(projectUser, "GET", `/default/users/${user.id}`, { headers: bearer(token), ...b })).text,
    C: async () => (await call(formJson, "GET", "/api/user/update", { headers: { authorization: token } })).text,
    D: async () => (await call(currentUser, "GET", "/api/v1/users/me", { headers: stack })).text,
    E: async () => (await call(usersById, "GET", `/users/${user.number}`, { headers: bearer(token), ...e })).text,
  };
  return { user, writes, reads };
}

/** Every spelling of the server-owned fields any door knows, canonical or dialect. */
const SERVER_OWNED_KEYS = [
  "serverMetadata",
  "appMetadata",
  "server_metadata",
  "client_read_only_metadata",
  "app_metadata",
  "secure_metadata",
];

describe("server-owned data cannot be forged by a signed-in user, through any door", () => {
  it("serverMetadata and appMetadata stay untouched whatever a user sends, on every door", async () => {
    const { user, writes } = await doors();
    const columns = async () => {
      const row = await app.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
      return [row.serverMetadata, row.appMetadata, row.secureMetadata];
    };
    const before = await columns();
    for (const [door, write] of Object.entries(writes)) {
      for (const key of SERVER_OWNED_KEYS) {
        const answer = await write({ [key]: FORGED });
        // C's document ignores fields it does not know (200, nothing written); the others refuse.
        if (door !== "C") expect(answer.status, `${door} ${key}: ${answer.text}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${door} ${key}`).toBeLessThan(500);
        expect(answer.text, `${door} ${key}`).not.toContain("admin");
      }
    }
    expect(await columns()).toEqual(before);
    expect(JSON.stringify(before)).not.toContain("admin");
  });

  it("B's secureMetadata is its own field: written by the user, never returned by any view, read by servers", async () => {
    const { user, writes, reads } = await doors();
    const written = await writes.B!({ secureMetadata: { pin: "only-the-server-reads-this" } });
    expect(written.status).toBe(200);
    expect(written.text).not.toContain("only-the-server-reads-this");
    const stored = await app.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.secureMetadata).toEqual({ pin: "only-the-server-reads-this" });
    expect(stored.serverMetadata).toEqual({});
    for (const [door, read] of Object.entries(reads)) {
      const text = await read();
      expect(text.length, door).toBeGreaterThan(2);
      expect(text, door).not.toContain("only-the-server-reads-this");
    }
    const asServer = await app.server().users.get({ userId: user.id });
    expect(asServer).toMatchObject({ secureMetadata: { pin: "only-the-server-reads-this" }, serverMetadata: {} });
  });
});
