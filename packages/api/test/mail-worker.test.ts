import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { type MailOutcome, setTelemetryObserver, startMailWorker } from "../src/index";
import { retryDelaySeconds } from "../src/mail/outbox";
import { failure } from "./helpers/errors";
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

  it("on stop, finishes the mail being sent and claims no other", async () => {
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
      // Past its retry window, the next failure keeps the mail as failed.
      await app.database.db.outboxMail.update({
        where: { id: queued.id },
        data: { nextAttemptAt: new Date(), createdAt: new Date(Date.now() - 25 * 3_600_000) },
      });
      smtp.failNext(1);
      await worker.drain();
      expect(outcomes).toEqual(["retried", "failed"]);
    } finally {
      setTelemetryObserver(null);
      await worker.stop();
    }
  });

  it("backs off exponentially up to one hour", () => {
    expect([1, 2, 3, 10, 12, 30].map(retryDelaySeconds)).toEqual([2, 4, 8, 1024, 3600, 3600]);
  });

  it("keeps a mail failing past its retry window as failed, never claimed again, and shows it to operators", async () => {
    const worker = startMailWorker({
      db: app.database.db,
      smtpUrl: smtp.url,
      from: "hub@example.com",
      pollIntervalMs: 60_000,
      retryWindowMs: 24 * 3_600_000,
    });
    try {
      smtp.failNext(100);
      const queued = await queue("doomed@example.com");
      expect(await worker.drain()).toBe(0);
      const retrying = await app.database.db.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
      expect(retrying).toMatchObject({ attempts: 1, failedAt: null, sentAt: null });
      // A day later, the retry fails again: past the 24 h window, the mail is kept as failed.
      await app.database.db.outboxMail.update({
        where: { id: queued.id },
        data: { createdAt: new Date(Date.now() - 25 * 3_600_000), nextAttemptAt: new Date() },
      });
      expect(await worker.drain()).toBe(0);
      const failed = await app.database.db.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
      expect(failed).toMatchObject({ attempts: 2, sentAt: null });
      expect(failed.failedAt).not.toBeNull();
      expect(failed.lastError).toMatch(/Try again later/);
      await app.database.db.outboxMail.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date() } });
      smtp.failNext(0);
      expect(await worker.drain()).toBe(0); // never claimed again
      expect(smtp.mails).toEqual([]);

      const listed = await app.server().admin.listOutbox({ status: "failed" });
      expect(listed.counts).toMatchObject({ failed: 1 });
      expect(listed.mails).toEqual([
        expect.objectContaining({
          id: queued.id,
          to: "doomed@example.com",
          status: "failed",
          attempts: 2,
          lastError: expect.stringMatching(/Try again later/) as unknown,
        }),
      ]);
      expect((await app.server().admin.listOutbox({ status: "pending" })).mails).toEqual([]);
      expect((await failure(app.anonymous("admin").admin.listOutbox({}))).reason).toBe("server_key_invalid");
    } finally {
      await worker.stop();
    }
  });

  it("two workers on one outbox and a slow SMTP server deliver every mail exactly once", async () => {
    const slow = await startSmtpServer({ delayMs: 1500 });
    // Each send takes 1.5 s; a lease of 4 s covers one send, not a batch of them.
    const options = { db: app.database.db, smtpUrl: slow.url, from: "hub@example.com", pollIntervalMs: 100 };
    const workers = [
      startMailWorker({ ...options, sendTimeoutMs: 3000, leaseMs: 4000 }),
      startMailWorker({ ...options, sendTimeoutMs: 3000, leaseMs: 4000 }),
    ];
    try {
      const queued = await Promise.all(Array.from({ length: 8 }, (_, index) => queue(`slow${index}@example.com`)));
      await slow.waitFor(8, 30_000);
      // Wait past a lease so that a mail claimed twice would have arrived twice.
      await new Promise((resolve) => setTimeout(resolve, 4500));
      await Promise.all(workers.map((worker) => worker.drain()));
      const ids = slow.mails.map((mail) => mail.messageId);
      expect(ids).toHaveLength(8);
      expect(new Set(ids).size).toBe(8);
      const rows = await app.database.db.outboxMail.findMany({ where: { id: { in: queued.map((mail) => mail.id) } } });
      expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await slow.close();
    }
  });
});
