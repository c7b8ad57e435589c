import { describe, expect, it } from "vitest";

import * as projectUser from "@/app/[projectId]/users/[userId]/route";
import * as formJson from "@/app/api/user/update/route";
import * as currentUser from "@/app/api/v1/users/me/route";
import * as authUser from "@/app/api/v3/auth/user/route";
import * as usersById from "@/app/users/[id]/route";

import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();

/** One signed-in user and a reader/writer for each of the five dialects. */
async function everyDoor() {
  const user = await app.signUp({ email: "one@example.com" });
  const token = user.accessToken;
  const stack = { "x-stack-project-id": "default", "x-stack-access-type": "client", "x-stack-access-token": token };
  const form = { authorization: token, "content-type": "application/x-www-form-urlencoded" };
  const b = { params: { projectId: "default", userId: user.id } };
  const e = { params: { id: String(user.number) } };
  return {
    user,
    a: {
      get: async () => (await call(authUser, "GET", "/api/v3/auth/user", { headers: bearer(token) })).json.data,
      put: (body: unknown) => call(authUser, "PUT", "/api/v3/auth/user", { headers: bearer(token), body }),
    },
    b: {
      get: async () =>
        (await call(projectUser, "GET", `/default/users/${user.id}`, { headers: bearer(token), ...b })).json,
      patch: (update: unknown) =>
        call(projectUser, "PATCH", `/default/users/${user.id}`, { headers: bearer(token), body: { update }, ...b }),
    },
    c: {
      get: async () => (await call(formJson, "GET", "/api/user/update", { headers: { authorization: token } })).json,
      put: (fields: Record<string, string>) =>
        call(formJson, "PUT", "/api/user/update", {
          headers: form,
          body: new URLSearchParams({ json: JSON.stringify(fields) }).toString(),
          raw: true,
        }),
    },
    d: {
      get: async () => (await call(currentUser, "GET", "/api/v1/users/me", { headers: stack })).json,
      patch: (body: unknown) => call(currentUser, "PATCH", "/api/v1/users/me", { headers: stack, body }),
    },
    e: {
      get: async () =>
        (await call(usersById, "GET", `/users/${user.number}`, { headers: bearer(token), ...e })).json.data,
      put: (fields: unknown) =>
        call(usersById, "PUT", `/users/${user.number}`, { headers: bearer(token), body: { user: fields }, ...e }),
    },
  };
}

describe("one user, five views: what one dialect writes, the others read", () => {
  it("D display_name ↔ B name", async () => {
    const door = await everyDoor();
    expect((await door.d.patch({ display_name: "Ada Lovelace" })).status).toBe(200);
    expect((await door.b.get()).name).toBe("Ada Lovelace");
    expect((await door.b.patch({ name: "Countess" })).status).toBe(200);
    expect((await door.d.get()).display_name).toBe("Countess");
  });

  it("A data ↔ D client_metadata ↔ B metadata (merge in A, replace in D and B)", async () => {
    const door = await everyDoor();
    await door.a.put({ data: { theme: "dark", plan: "free" } });
    expect((await door.d.get()).client_metadata).toEqual({ theme: "dark", plan: "free" });
    await door.d.patch({ client_metadata: { theme: "light" } });
    expect((await door.a.get()).userMetadata).toEqual({ theme: "light" });
    expect((await door.b.get()).metadata).toEqual({ theme: "light" });
    await door.a.put({ data: { lang: "fr" } });
    expect((await door.b.get()).metadata).toEqual({ theme: "light", lang: "fr" });
  });

  it("E first_name/last_name ↔ C name/surname", async () => {
    const door = await everyDoor();
    expect((await door.e.put({ first_name: "John", last_name: "Doe" })).status).toBe(200);
    const c = await door.c.get();
    expect(c.changes).toMatchObject({ name: "John", surname: "Doe", email: "one@example.com" });
    const put = await door.c.put({
      name: "Jane",
      surname: "Roe",
      email: "one@example.com",
      description: "Senior developer",
    });
    expect(put.json.changes).toEqual({ name: "Jane", surname: "Roe", description: "Senior developer" });
    expect(await door.e.get()).toMatchObject({ first_name: "Jane", last_name: "Roe" });
    expect((await door.b.get()).bio).toBe("Senior developer");
  });

  it("email: C's immediate change is D's primary_email (unverified), A's email, E's email", async () => {
    const door = await everyDoor();
    await door.c.put({ name: "Jane", surname: "Roe", email: "two@example.com" });
    expect(await door.d.get()).toMatchObject({ primary_email: "two@example.com", primary_email_verified: false });
    expect((await door.a.get()).email).toBe("two@example.com");
    expect((await door.e.get()).email).toBe("two@example.com");
  });

  it("B avatar ↔ D profile_image_url; B username is sanitized for everyone", async () => {
    const door = await everyDoor();
    await door.b.patch({ avatar: "https://example.com/a.png", username: "  Jane.Doe_99 " });
    expect((await door.d.get()).profile_image_url).toBe("https://example.com/a.png");
    expect((await door.b.get()).username).toBe("jane.doe_99");
    const me = await (await door.user.as()).me.get();
    expect(me.username).toBe("jane.doe_99");
  });

  it("E locale and feature flags are the native API's", async () => {
    const door = await everyDoor();
    await door.e.put({ locale: "fr", feature_flags: ["affiliate"], notifications: ["email_new_transaction"] });
    const me = await (await door.user.as()).me.get();
    expect(me).toMatchObject({ locale: "fr", featureFlags: ["affiliate"], notifications: ["email_new_transaction"] });
  });
});
