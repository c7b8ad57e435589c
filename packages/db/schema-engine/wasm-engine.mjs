// Loads the Prisma schema engine compiled to WebAssembly (@prisma/schema-engine-wasm)
// and wraps it with readable errors. Used by the stdio bridge (bin.mjs) and in-process
// by the app / tests (migrations.mjs).
//
// Node cannot `import` the package entry (it imports a `.wasm` file as an ES module),
// so we do by hand what schema_engine.js does: instantiate the bytes against the
// `schema_engine_bg.js` glue, hand the exports to `__wbg_set_wasm`, call `__wbindgen_start`.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { adapterFactoryForUrl } from "./adapter.mjs";
import { canConnectToDatabase } from "./cli-commands.mjs";

const require = createRequire(import.meta.url);

/** Used when the caller has no schema file (e.g. `migrate diff`): the engine panics without one. */
export const MINIMAL_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

/** @type {Promise<any> | null} */
let glueModule = null;
/** @type {Set<NodeJS.Timeout>} */
const timers = new Set();
let inFlight = 0;
const SHADOW_CACHE_MISS = /shadow DB must be provided through an external factory/;

/** @returns {Promise<any>} the wasm-bindgen glue module, instantiated once per process */
export function loadWasmEngineModule() {
  glueModule ??= (async () => {
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    // The engine arms timers (e.g. a 10 s lock timeout) that it never clears; they would
    // keep a script alive for 10 s after its last call. Timers are unref'd whenever no
    // engine call is in flight (see guarded()).
    /** @type {Record<string, any>} */
    const imports = { ...glue };
    for (const name of Object.keys(glue).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms >>> 0);
        timers.add(timer);
        if (inFlight === 0) timer.unref();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start?.();
    return glue;
  })();
  return glueModule;
}

/** Engine git hash, e.g. `0edf323efd1d98336f3f0a68684b56f689b900d3`. */
export async function wasmEngineVersion() {
  return /** @type {string} */ ((await loadWasmEngineModule()).version());
}

/**
 * The native engine's user-facing error shape (what it puts in a JSON-RPC error's
 * `data`): known errors carry `error_code` + `meta`, unknown ones `backtrace`.
 * @typedef {{ is_panic: boolean, message: string, error_code?: string, meta?: unknown, backtrace?: string | null }} UserFacingError
 */

/** Error thrown by the in-process API: `code` is the Prisma error code (P3006…) if known. */
export class SchemaEngineError extends Error {
  /** @param {UserFacingError} data */
  constructor(data) {
    super(data.error_code ? `${data.error_code}: ${data.message}` : data.message);
    this.name = data.is_panic ? "SchemaEnginePanic" : "SchemaEngineError";
    this.code = data.error_code ?? null;
    this.meta = data.meta ?? null;
    this.isPanic = data.is_panic;
    this.userFacing = data;
  }
}

/**
 * Convert whatever the WASM engine threw into the native user-facing shape.
 * Engine errors are `Error`s (name `SchemaConnectorError`) with an optional `code`
 * and `meta`; a Rust panic is a `RuntimeError: unreachable` whose text went to the
 * panic registry.
 * @param {unknown} e @param {string | null} [panicMessage]
 * @returns {UserFacingError}
 */
export function toUserFacingError(e, panicMessage = null) {
  if (e instanceof SchemaEngineError) return e.userFacing;
  const err = /** @type {any} */ (e);
  if (panicMessage || err?.name === "RuntimeError") {
    return {
      is_panic: true,
      message: panicMessage ?? String(err?.message ?? err),
      backtrace: String(err?.stack ?? ""),
    };
  }
  const message = String(err?.message ?? err).replace(/\n+$/, "");
  if (typeof err?.code === "string" && /^P\d{4}$/.test(err.code)) {
    return { is_panic: false, message, meta: err.meta ?? null, error_code: err.code };
  }
  return { is_panic: false, message, backtrace: null };
}

/**
 * Run `fn` (a call into the WASM engine) with our panic registry installed, turning
 * panics and engine errors into SchemaEngineError. The registry is global and
 * @prisma/client installs its own, so ours is only in place for the duration of a call.
 * @template T @param {() => T | Promise<T>} fn @returns {Promise<T>}
 */
async function guarded(fn) {
  /** @type {string | null} */
  let panic = null;
  const registry = { set_message: (/** @type {string} */ m) => void (panic = m) };
  const g = /** @type {any} */ (globalThis);
  const previous = g.PRISMA_WASM_PANIC_REGISTRY;
  g.PRISMA_WASM_PANIC_REGISTRY = registry;
  if (inFlight++ === 0) for (const t of timers) t.ref();
  try {
    return await fn();
  } catch (e) {
    throw new SchemaEngineError(toUserFacingError(e, panic));
  } finally {
    if (g.PRISMA_WASM_PANIC_REGISTRY === registry) g.PRISMA_WASM_PANIC_REGISTRY = previous;
    if (--inFlight === 0) for (const t of timers) t.unref();
  }
}

/**
 * @typedef {object} WasmSchemaEngine
 * @property {any} engine the raw `SchemaEngine` (see schema_engine.d.ts)
 * @property {'pglite' | 'postgres'} kind
 * @property {(method: string, params?: unknown) => Promise<any>} call run an engine method
 * @property {() => boolean} poisoned true after a panic: the instance must not be used again
 * @property {() => Promise<void>} close free the engine and close the database connections
 */

/**
 * Create a schema engine bound to a database.
 * @param {{ datamodels?: [string, string][], url?: string, shadowDatabaseUrl?: string | null,
 *   pglite?: any, onLog?: (line: string) => void }} opts
 *   `datamodels`: [path, content] of each schema file; `url`: see adapter.mjs;
 *   `pglite`: an open PGlite instance to use instead of `url`; `onLog`: engine log lines (JSON).
 * @returns {Promise<WasmSchemaEngine>}
 */
export async function createWasmSchemaEngine({
  datamodels,
  url = "pglite:memory",
  shadowDatabaseUrl = null,
  pglite,
  onLog,
}) {
  const glue = await loadWasmEngineModule();
  const adapter = await adapterFactoryForUrl(url, { shadowDatabaseUrl, pglite });
  const files = datamodels && datamodels.length > 0 ? datamodels : [["schema.prisma", MINIMAL_SCHEMA]];
  let poisoned = false;
  /** @type {any} */
  let engine;
  try {
    engine = await guarded(() =>
      glue.SchemaEngine.new({ datamodels: files }, (/** @type {string} */ l) => onLog?.(l), adapter.bound),
    );
  } catch (e) {
    await adapter.close().catch(() => {});
    // Connection errors from SchemaEngine.new carry no error code (and some a
    // misleading text): probe like `cli can-connect-to-database` for a P1xxx error.
    if (!pglite && !(/** @type {SchemaEngineError} */ (e).code)) {
      const probe = await canConnectToDatabase(url).then(
        () => null,
        (/** @type {any} */ p) => p,
      );
      if (probe?.code)
        throw new SchemaEngineError({ is_panic: false, message: probe.message, error_code: probe.code, meta: null });
    }
    throw e;
  }
  return {
    engine,
    kind: adapter.kind,
    poisoned: () => poisoned,
    async call(method, /** @type {any} */ params) {
      if (poisoned)
        throw new SchemaEngineError({
          is_panic: true,
          message: "The schema engine panicked earlier and cannot be used again.",
        });
      if (typeof engine[method] !== "function" || method === "free" || method.startsWith("_")) {
        throw new SchemaEngineError({
          is_panic: false,
          message: `Unknown schema engine method \`${method}\`.`,
          backtrace: null,
        });
      }
      const run = (/** @type {string} */ m, /** @type {unknown} */ p) => guarded(() => engine[m](p));
      try {
        try {
          return await run(method, params);
        } catch (e) {
          // evaluateDataLoss/createMigration (WASM) only read the schema of the migration
          // history from a per-engine cache that diagnoseMigrationHistory fills (for the
          // *applied* migrations); on a miss they fail with "PostgreSQL shadow DB must be
          // provided through an external factory". The CLI's `migrate dev` primes it via
          // devDiagnostic, but only when the database was already up to date: prime it
          // now (the CLI has applied pending migrations by then) and retry once.
          if (!SHADOW_CACHE_MISS.test(String(/** @type {any} */ (e)?.message)) || !params?.migrationsList) throw e;
          if (!["evaluateDataLoss", "createMigration"].includes(method)) throw e;
          const { migrationsList, filters = { externalTables: [], externalEnums: [] } } = params;
          await run("diagnoseMigrationHistory", { migrationsList, filters, optInToShadowDatabase: true });
          return await run(method, params).catch((/** @type {any} */ again) => {
            if (!SHADOW_CACHE_MISS.test(String(again?.message))) throw again;
            throw new SchemaEngineError({
              is_panic: false,
              backtrace: null,
              message: `${method} needs every migration of the migrations folder to be applied to the database first (a limit of the WASM schema engine): run \`prisma migrate deploy\` or \`prisma migrate dev\`, then try again.`,
            });
          });
        }
      } catch (e) {
        if (e instanceof SchemaEngineError && e.isPanic) poisoned = true;
        throw e;
      }
    },
    async close() {
      // After a panic the Rust object may be mid-borrow: leak it rather than crash.
      if (!poisoned) {
        try {
          engine.free();
        } catch {
          /* already freed */
        }
      }
      await adapter.close();
    },
  };
}
