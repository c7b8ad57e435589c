import type { Database } from "@profilehub/db";
import nodemailer from "nodemailer";
import type { MailNotifier } from "./notifier";
import { claimDueMails, markFailed, markSent } from "./outbox";

export interface MailWorker extends MailNotifier {
  /** Sends every due mail now; resolves with how many were sent. */
  drain(): Promise<number>;
  stop(): Promise<void>;
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

  async function sendBatch(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await claimDueMails(options.db);
      if (batch.length === 0) return sent;
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from: options.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html ? { html: mail.html } : {}),
            messageId: `<${mail.id}@profilehub>`,
          });
          await markSent(options.db, mail.id);
          sent += 1;
        } catch (error) {
          await markFailed(options.db, mail, error instanceof Error ? error.message : String(error));
        }
      }
    }
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await sendBatch();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    if (!stopped) drain().catch(onError);
  }, options.pollIntervalMs ?? 1000);
  timer.unref();

  return {
    notify() {
      if (!stopped) drain().catch(onError);
    },
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
      transport.close();
    },
  };
}
