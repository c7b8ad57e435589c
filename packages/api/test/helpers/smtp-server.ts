import type { AddressInfo } from "node:net";
import type { Database } from "@profilehub/db";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { type MailWorker, startMailWorker } from "../../src/mail/worker";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface TestSmtpServer {
  url: string;
  mails: ReceivedMail[];
  /** Messages received but not answered yet (slowed down by `delayMs`). */
  incoming(): number;
  /** Resolves once `count` mails in total have arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves with the first mail matching `predicate` (or fails after `timeoutMs`). */
  waitForMail(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Reject the next `n` messages with a temporary error (to exercise retries). */
  failNext(n: number): void;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Answer each message this long after receiving it (a slow server). */
  delayMs?: number;
}

/** A real SMTP server on a loopback port, parsing what it receives. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  let failures = 0;
  let incoming = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      const accept = async () => {
        incoming += 1;
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        incoming -= 1;
        if (failures > 0) {
          failures -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        void PostalMime.parse(Buffer.concat(chunks)).then((parsed) => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html ?? "",
            messageId: parsed.messageId ?? "",
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        });
      };
      stream.on("end", () => void accept());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    incoming: () => incoming,
    failNext(n) {
      failures = n;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} mails, got ${mails.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return mails;
    },
    async waitForMail(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No matching mail among ${mails.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first verification link in a mail's text. */
export function linkToken(mail: ReceivedMail): string {
  const match = /\/api\/auth\/verify-email\?token=([A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No verification link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}

/**
 * A real SMTP server and an outbox worker sending to it, for one test file: the app's mail goes
 * there (promptly: the worker is notified after each change). Mails are forgotten before each test.
 */
export function useSmtpServer(app: {
  database: { db: Database };
  configure(config: { smtpUrl: string }, mail: MailWorker): void;
}): TestSmtpServer {
  let smtp: TestSmtpServer | undefined;
  let worker: MailWorker | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    worker = startMailWorker({ db: app.database.db, smtpUrl: smtp.url, from: "hub@example.com", pollIntervalMs: 200 });
    app.configure({ smtpUrl: smtp.url }, worker);
  });
  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
  });
  beforeEach(() => {
    if (smtp) smtp.mails.length = 0;
  });
  return new Proxy({} as TestSmtpServer, {
    get(_target, key: keyof TestSmtpServer) {
      if (!smtp) throw new Error("The SMTP server exists only inside tests and hooks");
      const value: unknown = Reflect.get(smtp, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(smtp) : value;
    },
  });
}
