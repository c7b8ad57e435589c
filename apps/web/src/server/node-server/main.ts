// `npm start` runs this (bundled to apps/web/dist/server.mjs): Next.js's request handler inside a
// plain Node HTTP server, so that every response — routes, pages, 404s, bad paths — gets a
// request id, an access-log line and metrics, and SIGTERM shuts down gracefully.
import { createServer } from "node:http";
import path from "node:path";
import { defaultAppUrl } from "@profilehub/api/config";
import next from "next";

import { provideLoadedConfig } from "../config-holder";
import { createLogger, installLogger } from "../ops/logger";
import { RoutePatterns } from "../ops/route-patterns";
import { answerClientError } from "./before-route";
import { createRequestListener } from "./request-listener";
import { handleShutdownSignals } from "./shutdown";
import { migrate, readConfiguration } from "./start-up";

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const startUp = readConfiguration(process.env);
  const { env } = startUp.loaded;
  const logger = createLogger({ level: env.LOG_LEVEL, pretty: Boolean(process.stdout.isTTY) });
  installLogger(logger);
  provideLoadedConfig(startUp.loaded);
  await migrate(startUp);

  const dir = path.join(startUp.repoRoot, "apps/web");
  const app = next({ dev, dir, port: env.PORT, hostname: "localhost" });
  await app.prepare();
  let draining = false;
  const listener = createRequestListener({
    handle: app.getRequestHandler(),
    routes: RoutePatterns.fromBuild(path.join(dir, ".next")),
    logger,
    draining: () => draining,
    trustProxy: env.TRUST_PROXY,
    httpsAppUrl: startUp.loaded.config.appUrl.startsWith("https:"),
    apiNotFound: !dev,
  });
  const server = createServer(listener);
  server.on("clientError", answerClientError);
  handleShutdownSignals({
    server,
    logger,
    inFlight: listener.inFlight,
    onDrain: () => (draining = true),
    closeApp: () => app.close(),
  });
  server.on("error", (error) => {
    console.error(`ProfileHub cannot serve on port ${env.PORT}: ${error.message}`);
    process.exit(1);
  });
  server.listen(env.PORT, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    // PORT=0 picks a free port: mailed links follow the one actually served unless APP_URL is set.
    if (!env.APP_URL_SET) startUp.loaded.config.appUrl = defaultAppUrl(port);
    logger.info({ port, dev }, `listening on http://localhost:${port}`);
  });
}

main().catch((error: unknown) => {
  console.error(`ProfileHub cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
