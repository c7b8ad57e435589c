import { describe, expect, it } from "vitest";

import * as outbox from "@/app/api/admin/outbox/route";
import * as openapi from "@/app/api/openapi.json/route";

import { call, useDialectApp } from "./helpers/dialect-app";

const app = useDialectApp();
const key = () => ({ "x-api-key": app.services.config.serverApiKey });

const queue = (to: string, state: { sentAt?: Date; failedAt?: Date; lastError?: string } = {}) =>
  app.database.db.outboxMail.create({
    data: { kind: "email_verify", to, subject: `To ${to}`, text: "Plain text\n", attempts: 3, ...state },
  });

describe("GET /api/admin/outbox (x-api-key)", () => {
  it("lists failed mails by default, with counts per state, for operators", async () => {
    await queue("pending@example.com");
    await queue("sent@example.com", { sentAt: new Date() });
    const failed = await queue("failed@example.com", { failedAt: new Date(), lastError: "550 Mailbox unavailable" });
    const response = await call(outbox, "GET", "/api/admin/outbox", { headers: key() });
    expect(response.status).toBe(200);
    expect(response.json.counts).toEqual({ pending: 1, sent: 1, failed: 1 });
    expect(response.json.mails).toEqual([
      expect.objectContaining({
        id: failed.id,
        to: "failed@example.com",
        status: "failed",
        attempts: 3,
        lastError: "550 Mailbox unavailable",
        failedAt: failed.failedAt!.toISOString(),
        nextAttemptAt: null,
      }),
    ]);
    const pending = await call(outbox, "GET", "/api/admin/outbox?status=pending&limit=5", { headers: key() });
    expect(pending.json.mails.map((mail: { to: string }) => mail.to)).toEqual(["pending@example.com"]);
  });

  it("refuses a missing key (401) and an unknown status (400) in the native error shape", async () => {
    const anonymous = await call(outbox, "GET", "/api/admin/outbox?status=failed");
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("server_key_invalid");
    const invalid = await call(outbox, "GET", "/api/admin/outbox?status=lost", { headers: key() });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({ code: "validation", issues: [{ path: "status" }] });
  });

  it("is described in the OpenAPI document", async () => {
    const document = await call(openapi, "GET", "/api/openapi.json");
    expect(document.json.paths["/api/admin/outbox"].get.summary).toBe("List the mail outbox");
  });
});
