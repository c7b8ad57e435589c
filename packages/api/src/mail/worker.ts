import type { Database } from "@profilehub/db";
import type { Transporter } from "nodemailer";

import { telemetry } from "../telemetry";
import type { MailNotifier } from "./notifier";
import { claimNextMail, markAttemptFailed, markSent, type OutboxMail } from "./outbox";

export interface MailWorkerStatus {
  stopped: boolean;
  /** When the poll timer last fired (ms since the epoch). */
  lastPollAt: number;
  /** When the sending now under way started, or `null` when idle. */
  busySince: number | null;
}

export interface MailWorker extends MailNotifier {
  /** Sends every due mail now; resolves with how many were sent. */
  drain(): Promise<number>;
  /**
   * Stops claiming mail: the mail being sent finishes (each claim holds one mail, so nothing else
   * is held). Waits at most `timeoutMs` (default 5 s) for that.
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
  /** Hard limit of one send (connect, greeting, every command, the whole message). Default 30 s. */
  sendTimeoutMs?: number;
  /** How long a claimed mail is reserved; must exceed `sendTimeoutMs`. Default: send timeout + 30 s. */
  leaseMs?: number;
  /** How long a failing mail is retried before it is kept as `failed`. Default 24 h. */
  retryWindowMs?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_SEND_TIMEOUT_MS = 30_000;
const LEASE_MARGIN_MS = 30_000;
const DEFAULT_RETRY_WINDOW_MS = 24 * 3_600_000;
const RECORD_RETRY_PAUSE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `write` until it succeeds or `deadline` (the lease's end) is near: a sent mail stays recorded as sent. */
async function recordBefore(deadline: number, write: () => Promise<unknown>): Promise<void> {
  for (;;) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + RECORD_RETRY_PAUSE_MS >= deadline) throw error;
      await sleep(RECORD_RETRY_PAUSE_MS);
    }
  }
}

/**
 * Sends the outbox through SMTP, at least once and never twice at the same time: each mail is
 * claimed alone with a lease longer than the send's hard timeout, marked sent only after the
 * server accepted it, retried with exponential backoff for `retryWindowMs`, then kept as
 * `failed`. `notify()` after a commit sends at once.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const leaseMs = options.leaseMs ?? sendTimeoutMs + LEASE_MARGIN_MS;
  const retryWindowMs = options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS;
  if (leaseMs <= sendTimeoutMs) throw new Error("The mail lease must be longer than the send timeout");
  // nodemailer is loaded with the first mail to send: a server without SMTP never loads it.
  let transport: Promise<Transporter> | null = null;
  const smtpTransport = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: options.smtpUrl,
        connectionTimeout: sendTimeoutMs,
        greetingTimeout: sendTimeoutMs,
        socketTimeout: sendTimeoutMs,
      }),
    ));
  const onError = options.onError ?? ((error: unknown) => console.error("[mail]", error));
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;
  let lastPollAt = Date.now();
  let busySince: number | null = null;

  async function deliver(mail: OutboxMail, leaseEnds: number): Promise<boolean> {
    try {
      await (
        await smtpTransport()
      ).sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.id}@profilehub>`,
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = { value: "retrying" as "retrying" | "failed" };
      await recordBefore(leaseEnds, async () => {
        outcome.value = await markAttemptFailed(options.db, mail, message, retryWindowMs);
      });
      telemetry().mailDelivery(outcome.value === "failed" ? "failed" : "retried");
      return false;
    }
    await recordBefore(leaseEnds, () => markSent(options.db, mail.id));
    telemetry().mailDelivery("sent");
    return true;
  }

  async function sendDue(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const claimedAt = Date.now();
      const mail = await claimNextMail(options.db, leaseMs);
      if (!mail) break;
      if (await deliver(mail, claimedAt + leaseMs)) sent += 1;
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
        total += await sendDue();
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
      if (transport) (await transport).close();
    },
    status: () => ({ stopped, lastPollAt, busySince }),
  };
}
