#!/usr/bin/env node
// A drop-in "schema-engine" executable for the Prisma CLI, backed by the WASM engine.
// Point PRISMA_SCHEMA_ENGINE_BINARY at this file (prisma.config.ts does).
//
// Process protocol (reproduces the native binary of prisma-engines):
//   bin.mjs --version | -V                 -> stdout `schema-engine-cli <git hash>`
//   bin.mjs [--datamodels FILE]… [--datasource JSON]
//       JSON-RPC 2.0 server, one message per line on stdin/stdout. Method names and
//       params are the WASM engine's. Errors: { code: 4466, message, data: <user-facing
//       error: is_panic, message, error_code, meta | backtrace> }. `diff` output goes
//       to the CLI as a `print` request (the CLI writes it to its stdout and answers).
//       A panic is logged as an ERROR line on stderr, answered as an `is_panic` error,
//       and the process exits with 101 when stdin closes (see reportPanic).
//   bin.mjs --datasource JSON cli can-connect-to-database|create-database|drop-database
//       exit 0 on success; on failure exit 1 with a stderr JSON line
//       { level: "ERROR", target: "schema_engine::logger", fields: { is_panic, error_code, message } }.
//       The CLI skips the first stderr line and JSON-parses every other one.
// stdout carries only protocol messages; logs are JSON lines on stderr.
import fs from "node:fs";
import readline from "node:readline";

import { redactUrl } from "./adapter.mjs";
import { canConnectToDatabase, CliCommandError, createDatabase, dropDatabase } from "./cli-commands.mjs";
import { createWasmSchemaEngine, toUserFacingError, wasmEngineVersion } from "./wasm-engine.mjs";

// ---- output discipline ------------------------------------------------------
const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);
/** @type {string | undefined} */
let datasourceUrl;
const redact = (/** @type {string} */ s) =>
  redactUrl(datasourceUrl ? s.split(datasourceUrl).join(redactUrl(datasourceUrl)) : s);

/** One tracing-style JSON log line on stderr. */
function log(/** @type {string} */ level, /** @type {Record<string, unknown>} */ fields, target = "schema_engine") {
  if (typeof fields.message === "string") fields.message = redact(fields.message);
  writeErr(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target }) + "\n");
}
// Anything else printed by libraries (PGlite, pg, Node warnings) must not corrupt
// stdout (JSON-RPC) or stderr (parsed as JSON lines): re-route it as log lines.
const asLog =
  (/** @type {string} */ level) =>
  (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    for (const line of String(chunk)
      .split("\n")
      .filter((l) => l.trim()))
      log(level, { message: line });
    const cb = rest.find((a) => typeof a === "function");
    if (cb) cb();
    return true;
  };
process.stdout.write = /** @type {any} */ (asLog("INFO"));
process.stderr.write = /** @type {any} */ (asLog("WARN"));
process.removeAllListeners("warning");
process.on("warning", (w) => log("WARN", { message: w.message }));
const die = (/** @type {unknown} */ e) => {
  const err = /** @type {any} */ (e);
  log("ERROR", { is_panic: false, message: String(err?.message ?? err), backtrace: String(err?.stack ?? "") });
  process.exit(1);
};
process.on("uncaughtException", die);
process.on("unhandledRejection", die);

// ---- arguments --------------------------------------------------------------
const argv = process.argv.slice(2);
/** @type {string[]} */
const datamodelPaths = [];
/** @type {{ url?: string, shadowDatabaseUrl?: string }} */
let datasource = {};
/** @type {string | null} */
let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version" || a === "-V") {
    writeOut(`schema-engine-cli ${await wasmEngineVersion()}\n`);
    process.exit(0);
  } else if (a === "--help" || a === "-h") {
    writeOut(
      "schema-engine-cli (WASM bridge)\nUSAGE: bin.mjs [--datamodels FILE]... [--datasource JSON] [cli <command>]\n",
    );
    process.exit(0);
  } else if (a === "--datamodels" || a === "-d") datamodelPaths.push(argv[++i] ?? "");
  else if (a === "--datasource") datasource = JSON.parse(argv[++i] ?? "{}");
  else if (a === "--enabled-preview-features" || a === "--extension-types")
    i++; // not used by the WASM engine
  else if (a === "cli") cliCommand = argv[++i] ?? "";
  else if (a.startsWith("--datamodels=")) datamodelPaths.push(a.slice("--datamodels=".length));
  else if (a.startsWith("--datasource=")) datasource = JSON.parse(a.slice("--datasource=".length));
}
datasourceUrl = datasource.url;

// ---- `cli <command>` ----------------------------------------------------------
if (cliCommand !== null) {
  log("INFO", { message: "Starting schema engine CLI", git_hash: await wasmEngineVersion() });
  try {
    const url = datasource.url;
    let message;
    if (cliCommand === "can-connect-to-database") message = await canConnectToDatabase(/** @type {string} */ (url));
    else if (cliCommand === "create-database") message = (await createDatabase(/** @type {string} */ (url))).message;
    else if (cliCommand === "drop-database") message = await dropDatabase(/** @type {string} */ (url));
    else throw new CliCommandError("", `Unknown cli command \`${cliCommand}\`.`);
    log("INFO", { message });
    process.exit(0);
  } catch (e) {
    const code = e instanceof CliCommandError ? e.code : "";
    log(
      "ERROR",
      { is_panic: false, error_code: code, message: String(/** @type {any} */ (e)?.message ?? e) },
      "schema_engine::logger",
    );
    process.exit(1);
  }
}

// ---- JSON-RPC server ----------------------------------------------------------
log("INFO", { message: "Starting schema engine RPC server", git_hash: await wasmEngineVersion() });
/** @type {[string, string][]} */
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf-8")]);
const onLog = (/** @type {string} */ line) => writeErr(redact(line.endsWith("\n") ? line : line + "\n"));

/** @type {Promise<import('./wasm-engine.mjs').WasmSchemaEngine> | null} */
let enginePromise = null;
/** The engine is created on first use, so `version` works without a database. */
function getEngine(url = datasource.url ?? "pglite:memory") {
  enginePromise ??= createWasmSchemaEngine({ datamodels, url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, onLog });
  enginePromise.catch(() => (enginePromise = null)); // retry on the next request
  return enginePromise;
}

const send = (/** @type {object} */ msg) => writeOut(JSON.stringify(msg) + "\n");

// Requests we send to the CLI (`print`), waiting for its answer.
let nextOwnId = 1;
let stdinClosed = false;
/** @type {Map<number, () => void>} */
const pendingOwn = new Map();
function print(/** @type {string} */ text) {
  // Like the native host: the text ends with "\n", which is removed (the CLI adds it back).
  const content = text.endsWith("\n") ? text.slice(0, -1) : text;
  const id = nextOwnId++;
  return new Promise((resolve) => {
    if (!stdinClosed) pendingOwn.set(id, () => resolve(undefined));
    send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    if (stdinClosed) resolve(undefined); // nobody left to answer
  });
}

class UnknownMethod extends Error {}

/** Targets that read the live database (the rest only need schemas or a shadow database). */
const needsLiveDb = (/** @type {any} */ t) => t?.tag === "url" || t?.tag === "schemaDatasource";

/** @param {string} method @param {any} params */
async function dispatch(method, params) {
  switch (method) {
    case "version":
      return wasmEngineVersion();
    case "getDatabaseVersion":
      return (await getEngine()).call("version");
    case "createDatabase": {
      const url = params?.datasource?.url ?? datasource.url;
      return { databaseName: (await createDatabase(url)).databaseName };
    }
    case "diff": {
      let engine;
      try {
        engine = await getEngine();
      } catch (e) {
        // Schema-only diffs must not fail because the configured database is down.
        if (needsLiveDb(params?.from) || needsLiveDb(params?.to)) throw e;
        log("WARN", {
          message: `Database unavailable (${toUserFacingError(e).message}); diffing with an in-memory PGlite.`,
        });
        const fallback = await createWasmSchemaEngine({ datamodels, url: "pglite:memory", onLog });
        engine = {
          call: (/** @type {string} */ m, /** @type {unknown} */ p) =>
            fallback.call(m, p).finally(() => fallback.close()),
        };
      }
      const out = await engine.call("diff", params);
      if (out.stdout) await print(out.stdout);
      return { exitCode: out.exitCode, stdout: null };
    }
    default: {
      const engine = await getEngine();
      if (
        typeof (/** @type {any} */ (engine.engine)[method]) !== "function" ||
        method === "free" ||
        method.startsWith("_")
      ) {
        throw new UnknownMethod(`The method \`${method}\` is not supported by the WASM schema engine bridge.`);
      }
      return engine.call(method, params);
    }
  }
}

/** @param {any} req */
async function handle(req) {
  try {
    const result = await dispatch(req.method, req.params);
    if (req.id !== undefined) send({ jsonrpc: "2.0", id: req.id, result: result ?? null });
  } catch (e) {
    const data = toUserFacingError(e);
    if (e instanceof CliCommandError && e.code) Object.assign(data, { error_code: e.code, meta: null });
    data.message = redact(data.message);
    let message = "An error happened. Check the data field for details.";
    if (data.is_panic) message = data.message = reportPanic(data);
    const code = e instanceof UnknownMethod ? -32601 : 4466; // JSON-RPC "Method not found"
    if (e instanceof UnknownMethod) message = "Method not found";
    if (req.id !== undefined) send({ jsonrpc: "2.0", id: req.id, error: { code, message, data } });
  }
}

/**
 * A Rust panic. The native binary logs `[location] message` as an ERROR line and
 * exits with 101 without answering; the Prisma 7 CLI then waits in `stop()` on an
 * exit event that already happened and quits with status 0, printing nothing. So we
 * log like the native binary but also answer the request (the CLI shows the JSON-RPC
 * error `message` of a panic: it gets the readable text), and exit 101 when the CLI
 * closes stdin. The engine instance is unusable afterwards (see wasm-engine.mjs).
 * @param {import('./wasm-engine.mjs').UserFacingError} data @returns {string} readable message
 */
function reportPanic(data) {
  const m = /^panicked at ([^\n]*?):?\n([\s\S]*)$/.exec(data.message);
  const location = m ? m[1] : "<unknown location>";
  const message = m ? `[${location}] ${m[2]}` : data.message;
  log("ERROR", { is_panic: true, backtrace: data.backtrace ?? "", location, message });
  exitCode = 101;
  return `Schema engine panicked: ${message}`;
}
let exitCode = 0;

let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (!line.trim()) return;
  /** @type {any} */
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    return;
  }
  if (typeof msg?.method !== "string") {
    // A response: the CLI's answer to one of our requests (`print`).
    const done = pendingOwn.get(msg?.id);
    pendingOwn.delete(msg?.id);
    if (done) done();
    else log("WARN", { message: `Ignoring unexpected message: ${line.slice(0, 200)}` });
    return;
  }
  // One request at a time: the WASM engine object must not be re-entered.
  queue = queue.then(() => handle(msg));
});

/** Finish the queued requests, close the database (PGlite must be closed cleanly), exit. */
async function shutdown(/** @type {number | undefined} */ code) {
  stdinClosed = true;
  for (const done of pendingOwn.values()) done(); // nobody left to answer `print`
  await queue.catch(() => {});
  const engine = await enginePromise?.catch(() => null);
  await engine?.close().catch((e) => log("WARN", { message: `close failed: ${e?.message ?? e}` }));
  process.exit(code ?? exitCode);
}
rl.on("close", () => void shutdown(undefined));
process.on("SIGTERM", () => void shutdown(undefined));
process.on("SIGINT", () => void shutdown(130));
