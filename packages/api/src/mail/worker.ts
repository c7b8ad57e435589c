import type { Database } from "@profilehub/db";
import nodemailer from "nodemailer";
import { telemetry } from "../telemetry";
import type { MailNotifier } from "./notifier";
import { claimDueMails, markFailed, markSent, MAX_ATTEMPTS, releaseMails, type OutboxMail } from "./outbox";

export interface MailWorkerStatus {
  stopped: boolean;
  /** When the poll timer last fired (ms since the epoch). */
  lastPollAt: number;
  /** When the batch being sent now was started, or `null` when idle. */
  busySince: number | null;
}

export interface MailWorker extends MailNotifier {
  /** Sends every due mail now; resolves with how many were sent. */
  drain(): Promise<number>;
  /**
   * Stops claiming mail: the mail being sent finishes, the rest of the current batch is released
   * for another worker. Waits at most `timeoutMs` (default 5 s) for that.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  status(): MailWorkerStatus;
}

export interface MailWorkerOptions {
  db: Database;
  smtpUrl: string;
  from: string;
  /** Poll interval for mails queued by other instances or due for a retry. */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Sends the outbox through SMTP, at least once: a mail is marked sent only after the server
 * accepted it; failures are retried with backoff. `notify()` after a commit sends at once.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const onError = options.onError ?? ((error: unknown) => console.error("[mail]", error));
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let lastPollAt = Date.now();
  let busySince: number | null = null;

  async function send(mail: OutboxMail): Promise<boolean> {
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.id}@profilehub>`,
      });
    } catch (error) {
      await markFailed(options.db, mail, error instanceof Error ? error.message : String(error));
      telemetry().mailDelivery(mail.attempts >= MAX_ATTEMPTS ? "failed" : "retried");
      return false;
    }
    await markSent(options.db, mail.id);
    telemetry().mailDelivery("sent");
    return true;
  }

  async function sendBatch(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const batch = await claimDueMails(options.db);
      if (batch.length === 0) return sent;
      for (const [index, mail] of batch.entries()) {
        if (stopped) {
          await releaseMails(
            options.db,
            batch.slice(index).map((unsent) => unsent.id),
          );
          return sent;
        }
        if (await send(mail)) sent += 1;
      }
    }
    return sent;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    busySince = Date.now();
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await sendBatch();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
      busySince = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    lastPollAt = Date.now();
    if (!stopped) drain().catch(onError);
  }, options.pollIntervalMs ?? 1000);
  timer.unref();

  return {
    notify() {
      if (!stopped) drain().catch(onError);
    },
    drain,
    async stop({ timeoutMs = 5000 } = {}) {
      stopped = true;
      clearInterval(timer);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        running?.catch(() => {}),
        new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timeout);
      transport.close();
    },
    status: () => ({ stopped, lastPollAt, busySince }),
  };
}
