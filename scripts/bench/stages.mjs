// Attributes a V8 CPU profile of the server to the stages of an update request. Each frame is
// source-mapped (the production chunks are minified, their .map files sit beside them) to its
// original file; a sample belongs to the deepest stage on its stack, except that library code
// (zod, tRPC, Prisma/pg, Next) called from inside one of our stages stays in that stage.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const maps = new Map();
function sourceMap(url) {
  if (!maps.has(url)) {
    const file = url.startsWith("file://") ? fileURLToPath(url) : null;
    const mapFile = file && `${file}.map`;
    maps.set(url, mapFile && existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : null);
  }
  return maps.get(url);
}

/** The original `{source, line}` of a frame (1-based line), or its URL when it has no map. */
function original({ url, lineNumber, columnNumber }) {
  const entry = url ? sourceMap(url)?.findEntry(lineNumber, columnNumber) : undefined;
  if (entry?.originalSource) {
    const source = decodeURIComponent(entry.originalSource).replace(/^(\.\.\/)+/, "");
    return { source, line: entry.originalLine + 1 };
  }
  return { source: url, line: lineNumber + 1 };
}

// Our own stages, by original file (the first match wins).
const OWN = [
  [/packages\/api\/src\/auth\/access-token/, "token verification"],
  [/apps\/web\/src\/server\/http\/read-body/, "body parse"],
  [/packages\/validators\//, "input validation (rules, zod)"],
  [/services\/users\/(update-statement|update-plan|audit-fields|email-change)/, "SQL build"],
  [/dialects\/.*\/response|services\/users\/user-view/, "view mapping"],
  [/packages\/api\/src\/bench\//, "floor code"],
  [/packages\/db\/src\//, "driver (Prisma or its adapter, pg)"],
  [/apps\/web\/src\/server\/|apps\/web\/src\/app\//, "route wrapper (define-route, context, CORS)"],
  [/packages\/api\/src\/context/, "route wrapper (define-route, context, CORS)"],
  [/apps\/web\/src\/dialects\//, "dialect request mapping"],
  [/packages\/api\/src\//, "router logic (procedure, updateUser)"],
];
// Stages that keep whatever they call (library code included).
const STICKY = new Set(["token verification", "body parse", "SQL build", "view mapping", "serialization"]);
const VALIDATION = new Set(["input validation (rules, zod)", "output validation (zod)"]);
const ALWAYS = new Set(["serialization", "GC", "V8 / native (unattributed)", "idle"]);

/** The stage of a frame called from a frame of stage `above`. */
function combine(above, here) {
  if (!here) return above;
  if (ALWAYS.has(here.stage) || !above) return here.stage;
  if (here.stage === "zod (elsewhere)" && VALIDATION.has(above)) return above;
  return STICKY.has(above) ? above : here.stage;
}

function frameStage(frame, location) {
  const name = frame.functionName;
  if (name === "(garbage collector)") return { stage: "GC" };
  if (name === "(program)") return { stage: "V8 / native (unattributed)" };
  if (name === "(idle)") return { stage: "idle" };
  if (name === "stringify" && !frame.url) return { stage: "serialization" };
  // Response.json(): undici's body extraction and JSON serialization.
  if (/undici/.test(frame.url) && /^(json|extractBody|serializeJavascriptValueToJSONString)$/.test(name)) {
    return { stage: "serialization" };
  }
  const { source, line } = location;
  if (/user-view/.test(source) && line < 92) return { stage: "SQL build" };
  for (const [pattern, stage] of OWN) if (pattern.test(source)) return { stage };
  if (/@trpc\/server/.test(source)) {
    // The input and output validator middlewares (by name, or by their lines when minified).
    const middleware = /core-do-not-import\/middleware\.ts$/.test(source);
    if (/inputValidatorMiddleware/.test(name) || (middleware && line >= 195 && line < 228)) {
      return { stage: "input validation (rules, zod)" };
    }
    if (/outputValidatorMiddleware/.test(name) || (middleware && line >= 311))
      return { stage: "output validation (zod)" };
    return { stage: "tRPC (caller, middleware, fetch adapter)" };
  }
  // External packages (not bundled) keep their node_modules path in the URL only.
  const where = `${frame.url} ${source}`;
  if (/\/zod\//.test(where)) return { stage: "zod (elsewhere)" };
  if (/@prisma\/|\/pg\/|pg-protocol|pg-pool|pg-types|pglite/.test(where)) {
    return { stage: "driver (Prisma or its adapter, pg)" };
  }
  if (/\/next\/|next-server|react/.test(where)) return { stage: "Next request handling" };
  return null; // Node's internals and other libraries: whoever called them
}

/** Stage → { ms: CPU ms }, plus the top functions by self time, from one `.cpuprofile`. */
export function attribute(profile, { perStage = 12 } = {}) {
  const parent = new Map();
  const byId = new Map();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const stageOf = new Map();
  const resolve = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const node = byId.get(id);
    const above = parent.has(id) ? resolve(parent.get(id)) : null;
    const here = frameStage(node.callFrame, original(node.callFrame));
    const resolved = combine(above, here) ?? "Node internals, HTTP parsing (outside any stage)";
    stageOf.set(id, resolved);
    return resolved;
  };
  const stages = new Map();
  const self = new Map();
  const byStage = new Map();
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index]) / 1000;
    const stage = resolve(id);
    stages.set(stage, (stages.get(stage) ?? 0) + ms);
    const { callFrame } = byId.get(id);
    const { source, line } = original(callFrame);
    const key = `${callFrame.functionName || "(anonymous)"} ${source.split("/").slice(-2).join("/")}:${line}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    if (!byStage.has(stage)) byStage.set(stage, new Map());
    byStage.get(stage).set(key, (byStage.get(stage).get(key) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 60);
  const topOf = (entries) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, perStage);
  return { stages, top, byStage: new Map([...byStage].map(([stage, entries]) => [stage, topOf(entries)])) };
}

const add = (into, entries) => {
  for (const [key, ms] of entries) into.set(key, (into.get(key) ?? 0) + ms);
};

/**
 * One scenario's profiled runs merged: each stage's share of the sampled busy time, applied to the
 * main thread's CPU time per request (from /proc), and the process's and PostgreSQL's CPU.
 */
function merge({ scenario, parts }) {
  const stages = new Map();
  const top = new Map();
  for (const part of parts) {
    add(stages, part.stages.stages);
    add(top, part.stages.top);
  }
  stages.delete("idle");
  top.delete("(idle) :0");
  const requests = parts.reduce((sum, part) => sum + part.run.requests, 0);
  const busy = [...stages.values()].reduce((sum, ms) => sum + ms, 0);
  const mainUs = (1000 * parts.reduce((sum, part) => sum + part.mainThreadMs, 0)) / requests;
  const perRequest = (field) => parts.reduce((sum, part) => sum + part.run[field] * part.run.requests, 0) / requests;
  const scale = (ms) => ({ us: (mainUs * ms) / busy, share: ms / busy });
  return {
    scenario,
    requests,
    rps: parts.reduce((sum, part) => sum + part.run.rps, 0) / parts.length,
    mainUs,
    processUs: 1000 * perRequest("serverCpuMs"),
    dbUs: parts[0].run.dbCpuMs === null ? null : 1000 * perRequest("dbCpuMs"),
    stages: new Map([...stages].map(([name, ms]) => [name, scale(ms)])),
    top: [...top]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([name, ms]) => [name, scale(ms)]),
  };
}

/** Prints µs per request of each stage, one column per profiled scenario. */
export function printStages(profiled) {
  const merged = profiled.map(merge);
  const names = [...new Set(merged.flatMap(({ stages }) => [...stages.keys()]))];
  const cell = (value) =>
    (value ? `${value.us.toFixed(0)} µs ${(100 * value.share).toFixed(0).padStart(3)} %` : "—").padStart(18);
  const row = (label, cells) => console.log(`${label.padEnd(48)}${cells.join("")}`);
  console.log(
    "\nCPU per request by stage: the stage's share of the profile's samples × the main thread's CPU per request",
  );
  row(
    "stage",
    merged.map(({ scenario }) => scenario.key.padStart(18)),
  );
  names.sort((a, b) => (merged.at(-1).stages.get(b)?.us ?? 0) - (merged.at(-1).stages.get(a)?.us ?? 0));
  for (const name of names)
    row(
      name,
      merged.map(({ stages }) => cell(stages.get(name))),
    );
  const figure = (value) => (value === null ? "—" : `${value.toFixed(0)} µs`).padStart(18);
  row(
    "main thread CPU per request (/proc)",
    merged.map(({ mainUs }) => figure(mainUs)),
  );
  row(
    "server process CPU per request (/proc)",
    merged.map(({ processUs }) => figure(processUs)),
  );
  row(
    "PostgreSQL backends CPU per request (/proc)",
    merged.map(({ dbUs }) => figure(dbUs)),
  );
  row(
    "req/s while profiled (mean of rounds)",
    merged.map(({ rps }) => rps.toFixed(0).padStart(18)),
  );
  row(
    "requests profiled",
    merged.map(({ requests }) => String(requests).padStart(18)),
  );
  for (const { scenario, top } of merged) {
    console.log(`\ntop functions by self time, ${scenario.key} (µs of main-thread CPU per request):`);
    for (const [name, value] of top) console.log(`  ${value.us.toFixed(0).padStart(6)}  ${name}`);
  }
}
