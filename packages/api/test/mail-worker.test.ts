import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setTelemetryObserver, startMailWorker, type MailOutcome } from "../src/index";
import { retryDelaySeconds } from "../src/mail/outbox";
import { startSmtpServer, type TestSmtpServer } from "./helpers/smtp-server";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.mails.length = 0;
});

const queue = (to: string) =>
  app.database.db.outboxMail.create({ data: { kind: "test", to, subject: `Hello ${to}`, text: "Plain text body\n" } });

describe("mail outbox worker", () => {
  it("without SMTP, mails stay readable in the outbox", async () => {
    await app.signUp({ email: "nosmtp@example.com" });
    const [mail] = await app.database.db.outboxMail.findMany();
    expect(mail).toMatchObject({ to: "nosmtp@example.com", sentAt: null, kind: "email_verify" });
    expect(mail!.text).toContain("http://localhost:3000/api/auth/verify-email?token=");
  });

  it("sends queued mails through SMTP with a plain-text part and marks them sent", async () => {
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: smtp.url,
      from: "ProfileHub <hub@example.com>",
      pollIntervalMs: 60_000,
    });
    try {
      const queued = await queue("one@example.com");
      expect(await worker.drain()).toBe(1);
      const [mail] = smtp.mails;
      expect(mail).toMatchObject({
        to: ["one@example.com"],
        subject: "Hello one@example.com",
        from: "hub@example.com",
      });
      expect(mail!.text).toContain("Plain text body");
      expect(mail!.messageId).toContain(queued.id);
      const row = await app.database.db.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
      expect(row.sentAt).not.toBeNull();
      expect(await worker.drain()).toBe(0); // sent once
    } finally {
      await worker.stop();
    }
  });

  it("retries a temporary SMTP failure with backoff, then delivers", async () => {
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: smtp.url,
      from: "hub@example.com",
      pollIntervalMs: 60_000,
    });
    try {
      smtp.failNext(1);
      const queued = await queue("retry@example.com");
      expect(await worker.drain()).toBe(0);
      const failed = await app.database.db.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
      expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
      expect(failed.lastError).toMatch(/Try again later/);
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      // Make it due now instead of waiting for the backoff.
      await app.database.db.outboxMail.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date() } });
      expect(await worker.drain()).toBe(1);
      expect(smtp.mails.map((mail) => mail.to[0])).toEqual(["retry@example.com"]);
    } finally {
      await worker.stop();
    }
  });

  it("sends promptly after a change when notified, without waiting for the poll", async () => {
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: smtp.url,
      from: "hub@example.com",
      pollIntervalMs: 60_000,
    });
    app.configure({ smtpUrl: smtp.url }, worker);
    try {
      const started = Date.now();
      await app.signUp({ email: "prompt@example.com" });
      await smtp.waitForMail((mail) => mail.to.includes("prompt@example.com"), 5000);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await worker.stop();
    }
  });

  it("on stop, finishes the mail being sent and gives the rest of its batch back, unclaimed", async () => {
    const slow = await startSmtpServer({ delayMs: 400 });
    const outcomes: MailOutcome[] = [];
    setTelemetryObserver({
      webhookCall() {},
      rateLimitRefused() {},
      mailDelivery: (outcome) => outcomes.push(outcome),
    });
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: slow.url,
      from: "hub@example.com",
      pollIntervalMs: 60_000,
    });
    try {
      for (const n of [1, 2, 3, 4]) await queue(`batch${n}@example.com`);
      const sending = worker.drain();
      while (slow.incoming() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await worker.stop(); // while the first mail of the batch is with the SMTP server
      expect(await sending).toBe(1);
      expect(worker.status().stopped).toBe(true);
      expect(slow.mails).toHaveLength(1);
      expect(outcomes).toEqual(["sent"]);
      const rows = await app.database.db.outboxMail.findMany();
      const sent = slow.mails[0]!.to[0];
      expect(rows.map((row) => [row.to === sent, row.sentAt !== null, row.lockedUntil, row.attempts]).sort()).toEqual([
        [false, false, null, 0],
        [false, false, null, 0],
        [false, false, null, 0],
        [true, true, null, 1],
      ]);
    } finally {
      setTelemetryObserver(null);
      await worker.stop();
      await slow.close();
    }
  });

  it("reports each delivery attempt's outcome", async () => {
    const outcomes: MailOutcome[] = [];
    setTelemetryObserver({
      webhookCall() {},
      rateLimitRefused() {},
      mailDelivery: (outcome) => outcomes.push(outcome),
    });
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: smtp.url,
      from: "hub@example.com",
      pollIntervalMs: 60_000,
    });
    try {
      smtp.failNext(1);
      const queued = await queue("outcome@example.com");
      await worker.drain();
      await app.database.db.outboxMail.update({
        where: { id: queued.id },
        data: { nextAttemptAt: new Date(), attempts: 9 },
      });
      smtp.failNext(1);
      await worker.drain(); // the tenth failure: given up
      expect(outcomes).toEqual(["retried", "failed"]);
    } finally {
      setTelemetryObserver(null);
      await worker.stop();
    }
  });

  it("backs off exponentially up to ten minutes", () => {
    expect([1, 2, 3, 10, 20].map(retryDelaySeconds)).toEqual([2, 4, 8, 600, 600]);
  });
});
