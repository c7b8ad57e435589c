import { describe, expect, it } from "vitest";

import * as recover from "@/app/api/auth/recover/route";
import * as reset from "@/app/api/auth/reset/route";
import * as token from "@/app/api/auth/token/route";
import * as openapi from "@/app/api/openapi.json/route";

import { call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();

describe("POST /api/auth/recover + POST /api/auth/reset", () => {
  it("202 the same for a known and an unknown address; reset 200 once, then 400 email_token_invalid", async () => {
    const user = await app.signUp();
    const known = await call(recover, "POST", "/api/auth/recover", { body: { email: user.email } });
    const unknown = await call(recover, "POST", "/api/auth/recover", { body: { email: "nobody@example.com" } });
    expect(known).toMatchObject({ status: 202, json: { status: "accepted" } });
    expect(unknown).toMatchObject({ status: 202, text: known.text });
    const invalid = await call(recover, "POST", "/api/auth/recover", { body: { email: "nope" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe("validation");

    const [mail] = await app.database.db.outboxMail.findMany({ where: { userId: user.id, kind: "password_reset" } });
    const mailed = decodeURIComponent(/reset-password\?token=([^\s"<]+)/.exec(mail!.text)![1]!);
    const weak = await call(reset, "POST", "/api/auth/reset", { body: { token: mailed, password: "short" } });
    expect(weak.status).toBe(400);
    expect(weak.json.error).toMatchObject({ code: "validation", issues: [{ path: "password" }] });

    const body = { token: mailed, password: "the new password" };
    expect(await call(reset, "POST", "/api/auth/reset", { body })).toMatchObject({
      status: 200,
      json: { email: user.email },
    });
    const again = await call(reset, "POST", "/api/auth/reset", { body });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe("email_token_invalid");
    const signIn = { grant_type: "password", email: user.email, password: "the new password" };
    expect((await call(token, "POST", "/api/auth/token", { body: signIn })).status).toBe(200);
    const refresh = { grant_type: "refresh_token", refresh_token: user.refreshToken };
    expect((await call(token, "POST", "/api/auth/token", { body: refresh })).status).toBe(401);
  });

  it("are in the OpenAPI document, without security", async () => {
    const { json } = await call(openapi, "GET", "/api/openapi.json");
    expect(json.paths["/api/auth/recover"].post).toMatchObject({ security: [] });
    expect(Object.keys(json.paths["/api/auth/recover"].post.responses)).toContain("202");
    expect(json.paths["/api/auth/reset"].post).toMatchObject({ security: [] });
  });
});
