import { linkToken, useSmtpServer } from "@profilehub/api/testing";
import { describe, expect, it } from "vitest";

import * as route from "@/app/api/user/update/route";

import { bare, error, formJson, JOHN, PATH } from "./c-form-json/helpers";
import { bearer, call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const smtp = useSmtpServer(app);

const { putForm, putJson, stored } = formJson(app);

describe("dialect C — PUT /api/user/update (seed 002)", () => {
  it("Request Example → Response Example: form field json, bare JWT", async () => {
    const user = await app.signUp({ email: "first@example.com" });
    expect(user.number).toBe(1);
    const response = await putForm(user.accessToken, JOHN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.text).toBe(
      JSON.stringify({
        code: 200,
        status: "success",
        user: { sub: 1, email: "john.doe@example.com" },
        changes: { name: "John", surname: "Doe", email: "john.doe@example.com", description: "Senior developer" },
      }),
    );
    expect(await stored(user.id)).toMatchObject({
      firstName: "John",
      lastName: "Doe",
      email: "john.doe@example.com",
      bio: "Senior developer",
    });
  });

  it("changes lists only what actually changed (nothing, then only description)", async () => {
    const user = await app.signUp();
    await putForm(user.accessToken, { ...JOHN, email: user.email });
    const same = await putForm(user.accessToken, { ...JOHN, email: user.email.toUpperCase() });
    expect(same.status).toBe(200);
    expect(same.json).toEqual({
      code: 200,
      status: "success",
      user: { sub: user.number, email: user.email },
      changes: {},
    });
    const one = await putForm(user.accessToken, { ...JOHN, email: user.email, description: "Staff engineer" });
    expect(one.json.changes).toEqual({ description: "Staff engineer" });
    const cleared = await putForm(user.accessToken, { ...JOHN, email: user.email, description: "" });
    expect(cleared.json.changes).toEqual({ description: null });
    expect((await stored(user.id)).bio).toBeNull();
  });

  it("the first curl example: a JSON body with json and the fields beside it (json wins)", async () => {
    const user = await app.signUp();
    const response = await putJson(user.accessToken, {
      json: JSON.stringify({ name: "John", surname: "Doe", email: "john@example.com" }),
      name: "Ignored",
      surname: "Ignored",
      email: "ignored@example.com",
      description: "From beside json",
    });
    expect(response.status).toBe(200);
    expect(response.json.changes).toEqual({
      name: "John",
      surname: "Doe",
      email: "john@example.com",
      description: "From beside json",
    });
  });

  it("accepts a JSON body {json: string}, a JSON body with the fields, form fields, and Bearer", async () => {
    const user = await app.signUp();
    const asString = await putJson(user.accessToken, { json: JSON.stringify({ ...JOHN, email: user.email }) });
    expect(asString.json.changes).toEqual({ name: "John", surname: "Doe", description: "Senior developer" });
    const asObject = await putJson(user.accessToken, {
      json: { ...JOHN, email: user.email, description: "  Trimmed " },
    });
    expect(asObject.json.changes).toEqual({ description: "Trimmed" });
    const direct = await putJson(user.accessToken, { name: "Jane", surname: "Roe", email: user.email });
    expect(direct.json.changes).toEqual({ name: "Jane", surname: "Roe" });
    const formFields = await call(route, "PUT", PATH, {
      headers: { ...bare(user.accessToken), "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: new URLSearchParams({ name: "Zoë", surname: "Roe", email: user.email }).toString(),
      raw: true,
    });
    expect(formFields.json.changes).toEqual({ name: "Zoë" });
    const withBearer = await putForm(user.accessToken, { ...JOHN, email: user.email }, bearer(user.accessToken));
    expect(withBearer.status).toBe(200);
    expect(withBearer.json.changes).toEqual({ name: "John", surname: "Doe", description: "Senior developer" });
  });

  it("email change: applied at once, unverified; link to the new address, notice to the old", async () => {
    const user = await app.signUp({ email: "old@example.com" });
    await app.server().users.update({ userId: user.id, changes: { emailVerified: true } });
    expect((await stored(user.id)).emailVerifiedAt).not.toBeNull();
    const response = await putForm(user.accessToken, { ...JOHN, email: "New@Example.com" });
    expect(response.status).toBe(200);
    expect(response.json.user).toEqual({ sub: user.number, email: "new@example.com" });
    expect(response.json.changes.email).toBe("new@example.com");
    expect(await stored(user.id)).toMatchObject({
      email: "new@example.com",
      emailVerifiedAt: null,
      pendingEmail: null,
    });
    const link = await smtp.waitForMail((mail) => mail.to.includes("new@example.com"));
    await smtp.waitForMail((mail) => mail.to.includes("old@example.com") && /being changed/.test(mail.subject));
    await app.anonymous("auth").auth.verifyEmail({ token: linkToken(link) });
    expect((await stored(user.id)).emailVerifiedAt).not.toBeNull();
  });

  it("email must be unique within the project, excluding the caller", async () => {
    await app.signUp({ email: "taken@example.com" });
    await app.signUp({ email: "elsewhere@example.com", projectId: "other" });
    const user = await app.signUp({ email: "me@example.com" });
    const taken = await putForm(user.accessToken, { ...JOHN, email: "Taken@example.com" });
    expect(taken.status).toBe(400);
    expect(taken.json).toEqual(error(400, "The email has already been taken."));
    expect((await stored(user.id)).firstName).toBeNull();
    const own = await putForm(user.accessToken, { ...JOHN, email: "me@example.com" });
    expect(own.status).toBe(200);
    const otherProject = await putForm(user.accessToken, { ...JOHN, email: "elsewhere@example.com" });
    expect(otherProject.status).toBe(200);
    expect(otherProject.json.user.email).toBe("elsewhere@example.com");
  });

  it("name, surname, email are required: every missing field in one message", async () => {
    const user = await app.signUp();
    const empty = await putForm(user.accessToken, {});
    expect(empty.status).toBe(400);
    expect(empty.json).toEqual(
      error(400, "The name field is required. The surname field is required. The email field is required."),
    );
    const blanks = await putForm(user.accessToken, { name: "  ", surname: null, email: "", description: "x" });
    expect(blanks.json.message).toBe(empty.json.message);
    const noBody = await call(route, "PUT", PATH, { headers: bare(user.accessToken) });
    expect(noBody.json).toEqual(empty.json);
    expect((await stored(user.id)).bio).toBeNull();
  });

  it("names are letters only (any script); digits, spaces, hyphens, apostrophes are refused", async () => {
    const user = await app.signUp();
    for (const [name, surname] of [
      ["José", "Łukasiewicz"],
      ["Jose\u0301", "Ñúñez"],
      ["Дмитрий", "李"],
      ["अनिल", "Zoë"],
      ["  John ", " Doe"],
    ]) {
      const response = await putForm(user.accessToken, { name, surname, email: user.email });
      expect(response.status, `${name} ${surname}`).toBe(200);
      expect(await stored(user.id)).toMatchObject({ firstName: name!.trim(), lastName: surname!.trim() });
    }
    for (const name of ["John3", "Mary Ann", "Jean-Luc", "O'Brien", "J.", "<b>", 42]) {
      const response = await putForm(user.accessToken, { name, surname: "Doe", email: user.email });
      expect(response.status, String(name)).toBe(400);
      expect(response.json.message).toBe(
        typeof name === "string" ? "The name field must only contain letters." : "The name field must be a string.",
      );
    }
    expect((await stored(user.id)).firstName).toBe("John");
  });

  it("lists every problem at once: letters, email format, lengths", async () => {
    const user = await app.signUp();
    const response = await putForm(user.accessToken, {
      name: "R2D2",
      surname: "x".repeat(101),
      email: "not-an-email",
      description: "d".repeat(1001),
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      error(
        400,
        "The name field must only contain letters. The surname field must not be greater than 100 characters. The email field must be a valid email address. The description field must not be greater than 1000 characters.",
      ),
    );
    const routerOnly = await putForm(user.accessToken, { ...JOHN, email: "nope", description: 5 });
    expect(routerOnly.json).toEqual(
      error(400, "The email field must be a valid email address. The description field must be a string."),
    );
  });

  it("id, role, password, created_at, remember_token and unknown keys are ignored, never written", async () => {
    const user = await app.signUp({ password: "the-old-password" });
    const before = await stored(user.id);
    const response = await putForm(user.accessToken, {
      ...JOHN,
      email: user.email,
      id: 999,
      role: "admin",
      password: "a-brand-new-password",
      created_at: "2000-01-01T00:00:00Z",
      remember_token: "abc",
      nickname: "JD",
      roles: ["admin"],
    });
    expect(response.status).toBe(200);
    expect(response.json.user.sub).toBe(user.number);
    expect(response.json.changes).toEqual({ name: "John", surname: "Doe", description: "Senior developer" });
    const after = await stored(user.id);
    expect(after).toMatchObject({
      number: before.number,
      passwordHash: before.passwordHash,
      roles: before.roles,
      createdAt: before.createdAt,
    });
    const auth = app.anonymous("auth").auth;
    await expect(
      auth.token({ grant_type: "password", email: user.email, password: "the-old-password" }),
    ).resolves.toBeDefined();
    await expect(
      auth.token({ grant_type: "password", email: user.email, password: "a-brand-new-password" }),
    ).rejects.toThrow();
  });

  it("400 Unauthorized for a missing, invalid or revoked token — before any input problem", async () => {
    const user = await app.signUp();
    await (await user.as()).auth.signOut();
    for (const headers of [
      {},
      bare("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.x"),
      bare(user.accessToken),
      bearer(""),
    ]) {
      for (const fields of [JOHN, { name: "R2D2", email: "bad" }, { ...JOHN, email: "bad" }]) {
        const response = await putForm(user.accessToken, fields, headers);
        expect(response.status).toBe(400);
        expect(response.json).toEqual(error(400, "Unauthorized"));
      }
      const read = await call(route, "GET", PATH, { headers });
      expect(read.status).toBe(400);
      expect(read.json).toEqual(error(400, "Unauthorized"));
    }
    const valid = await putForm(user.accessToken, { ...JOHN, email: "revoked@example.com" }, bare(user.accessToken));
    expect(valid.json.code).toBe(400);
    expect((await stored(user.id)).firstName).toBeNull();
  });
});
