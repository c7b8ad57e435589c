// What the server's resident memory is made of: V8's heaps, memory outside them (ArrayBuffers,
// WebAssembly memories), the process's mappings (/proc/<pid>/smaps) and the modules it loaded.
import { readFileSync } from "node:fs";

/** Resident kB of each mapping of the process, grouped by what is mapped. */
function mappings(pid) {
  const groups = new Map();
  let current = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1] || "[anonymous]";
      current = name.startsWith("/") ? name.replace(/.*\/node_modules\//, "node_modules/") : name;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) groups.set(current, (groups.get(current) ?? 0) + Number(rss[1]));
  }
  return [...groups]
    .map(([name, kb]) => ({ name, mb: Math.round(kb / 102.4) / 10 }))
    .filter(({ mb }) => mb >= 0.5)
    .sort((a, b) => b.mb - a.mb);
}

// Evaluated inside the server (the inspector's command-line API provides `require`).
const IN_SERVER = `(() => {
  const v8 = require("v8");
  const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
  const usage = process.memoryUsage();
  const spaces = v8.getHeapSpaceStatistics().map((s) => ({ space: s.space_name, usedMb: mb(s.space_used_size), sizeMb: mb(s.space_size) }));
  const heap = v8.getHeapStatistics();
  const modules = Object.keys(require.cache);
  const pick = (pattern) => modules.filter((file) => pattern.test(file));
  return {
    memoryUsage: Object.fromEntries(Object.entries(usage).map(([key, value]) => [key, mb(value)])),
    heap: { totalMb: mb(heap.total_heap_size), usedMb: mb(heap.used_heap_size), mallocedMb: mb(heap.malloced_memory), externalMb: mb(heap.external_memory), codeAndMetadataMb: mb(heap.total_global_handles_size) },
    spaces,
    cjsModules: modules.length,
    pglite: pick(/pglite/),
    prismaRuntime: pick(/@prisma\\/client\\/runtime|query_compiler|adapter-pg|adapter-pglite|pglite-prisma/),
    nextChunks: pick(/\\.next\\/server\\//).length,
  };
})()`;

/** Which package a script URL belongs to (node_modules package, .next chunk, or node itself). */
function owner(url) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (/\.next\/server\/chunks\/ssr\//.test(url)) return ".next server chunks (ssr)";
  if (/\.next\/server\//.test(url)) return ".next server chunks";
  if (url.startsWith("node:")) return "node:*";
  return url ? url.replace(/^file:\/\/.*\/(apps|packages|scripts)\//, "$1/") : "(eval / anonymous)";
}

/**
 * Every script V8 has parsed in the server (JavaScript and WebAssembly, CommonJS or ESM), as the
 * debugger reports them on enable; grouped by owner, largest source first.
 */
async function loadedScripts(inspector) {
  const scripts = [];
  inspector.on("Debugger.scriptParsed", (script) => scripts.push(script));
  await inspector.send("Debugger.enable");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await inspector.send("Debugger.disable");
  const groups = new Map();
  for (const { url, length, scriptLanguage } of scripts) {
    const key = `${owner(url)}${scriptLanguage === "WebAssembly" ? " (WebAssembly)" : ""}`;
    const group = groups.get(key) ?? { scripts: 0, kb: 0 };
    group.scripts += 1;
    group.kb += (length ?? 0) / 1024;
    groups.set(key, group);
  }
  return [...groups]
    .map(([name, { scripts: count, kb }]) => ({ name, scripts: count, kb: Math.round(kb) }))
    .sort((a, b) => b.kb - a.kb);
}

/** The server's memory breakdown, after a full GC and before it (so retained vs. garbage shows). */
export async function memoryReport(inspector, pid) {
  const before = await inspector.evaluate(IN_SERVER);
  const rssBeforeGc = mappings(pid);
  await inspector.send("HeapProfiler.collectGarbage");
  const after = await inspector.evaluate(IN_SERVER);
  return {
    scripts: await loadedScripts(inspector),
    beforeGc: before,
    afterGc: after,
    smapsBeforeGc: rssBeforeGc.slice(0, 25),
    smapsAfterGc: mappings(pid).slice(0, 25),
  };
}

/** Prints the memory breakdown that `memoryReport` made. */
export function printMemory(report) {
  const { rss, scripts, beforeGc, afterGc, smapsBeforeGc, smapsAfterGc } = report;
  console.log(
    `\nMemory: server RSS ${rss.atStart} MB at start, ${rss.afterSignUps} MB after the sign-ups, ${rss.afterLoad} MB after the load`,
  );
  const usage = (u) => `rss ${u.rss}, heapTotal ${u.heapTotal}, heapUsed ${u.heapUsed}, external ${u.external} MB`;
  console.log(`  process.memoryUsage before a full GC: ${usage(beforeGc.memoryUsage)}`);
  console.log(`  process.memoryUsage after a full GC:  ${usage(afterGc.memoryUsage)}`);
  const spaces = (list) =>
    list
      .filter((space) => space.sizeMb > 0)
      .map((space) => `${space.space} ${space.usedMb}/${space.sizeMb}`)
      .join(", ");
  console.log(`  V8 spaces before GC (used/size MB): ${spaces(beforeGc.spaces)}`);
  console.log(`  V8 spaces after GC (used/size MB):  ${spaces(afterGc.spaces)}`);
  console.log(
    `  PGlite modules in require.cache: ${afterGc.pglite.length}; Prisma runtime files: ${afterGc.prismaRuntime.length}`,
  );
  console.log("  resident mappings before → after GC (MB):");
  for (const { name, mb } of smapsBeforeGc.slice(0, 8)) {
    const after = smapsAfterGc.find((mapping) => mapping.name === name)?.mb ?? 0;
    console.log(`    ${String(mb).padStart(6)} → ${String(after).padStart(6)}  ${name}`);
  }
  console.log("  scripts parsed by V8, by owner (KB of source; WebAssembly marked):");
  for (const { name, scripts: count, kb } of scripts.slice(0, 16))
    console.log(`    ${String(kb).padStart(6)}  ${name} (${count})`);
}
