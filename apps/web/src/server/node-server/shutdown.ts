import type { Server } from "node:http";

import { beginShutdown } from "../ops/lifecycle";
import { flushLogger, type Logger } from "../ops/logger";

/** Everything is closed within this, or the process exits anyway (orchestrators kill at 10 s). */
const BUDGET_MS = 9000;
/** Time kept for the mail worker and the database after the requests. */
const CLOSING_MS = 3000;

export interface GracefulShutdownOptions {
  server: Server;
  logger: Logger;
  inFlight(): number;
  /** Called once, when the server stops accepting. */
  onDrain(): void;
  /** Next.js's own cleanup. */
  closeApp(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(ms, 0))));
  const done = work.then(
    () => true,
    () => true,
  );
  const finished = await Promise.race([done, expired]);
  clearTimeout(timer);
  return finished;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections (readiness answers 503 at once), let the
 * requests in flight finish, stop the mail worker (the mail being sent finishes, the rest of its
 * batch goes back to the outbox), close the database, exit 0 — all within 9 s, else exit 1.
 */
export function handleShutdownSignals(options: GracefulShutdownOptions): void {
  const { server, logger } = options;
  let stopping = false;

  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return; // a terminal sends SIGINT to every process of the group: ignore repeats
    stopping = true;
    const deadline = Date.now() + BUDGET_MS;
    const left = () => deadline - Date.now();
    setTimeout(() => {
      logger.error("shutdown took too long: exiting now");
      void flushLogger(logger).finally(() => process.exit(1));
    }, BUDGET_MS + 500).unref();
    logger.info({ signal, inFlight: options.inFlight() }, "shutting down");
    let clean = true;

    const steps = beginShutdown();
    options.onDrain();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    while (options.inFlight() > 0 && left() > CLOSING_MS) {
      await sleep(25);
      server.closeIdleConnections();
    }
    if (options.inFlight() > 0) {
      logger.warn({ inFlight: options.inFlight() }, "requests still running: closing their connections");
      server.closeAllConnections();
      clean = false;
    }
    await withDeadline(closed, 500);

    for (const step of [{ name: "next", run: () => options.closeApp() }, ...steps]) {
      const finished = await withDeadline(step.run(left() - 200), left() - 200);
      if (!finished) {
        logger.warn({ step: step.name }, "shutdown step did not finish in time");
        clean = false;
      }
    }
    logger.info({ clean, ms: BUDGET_MS - left() }, "stopped");
    await withDeadline(flushLogger(logger), 300);
    process.exit(clean ? 0 : 1);
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
}
