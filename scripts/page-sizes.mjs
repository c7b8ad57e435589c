#!/usr/bin/env node
// `npm run sizes`: the first-load JavaScript of each page of the production build — every
// <script src> a fresh visit downloads, and every script it preloads (`<link rel="preload"
// as="script">`, e.g. the page's dictionary), summed raw and gzipped — measured against a running
// server (signed in for the settings pages); `noModule` scripts are not counted (a browser that runs
// modules never downloads them). A report, not a test. PAGE_SIZES_CHUNKS=/sign-in (any page, or
// 1 for /settings) also lists that page's chunks, largest first.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The sign-in and sign-up pages redirect a signed-in visitor, so they are measured signed out.
const SIGNED_OUT = new Set(["/", "/sign-in", "/sign-up", "/docs"]);
const PAGES = [
  "/",
  "/sign-in",
  "/sign-up",
  "/settings",
  "/settings/account",
  "/settings/sessions",
  "/settings/activity",
  "/settings/mailbox",
  "/docs",
];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "profilehub-sizes-"));
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PROFILEHUB_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 300_000; ;) {
    if (child.exitCode !== null) throw new Error("the server exited");
    if (
      await fetch(`${base}/`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    base,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signedInCookie(base) {
  const response = await fetch(`${base}/api/trpc/web.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-profilehub-csrf": "1" },
    body: JSON.stringify({ email: "sizes@example.com", password: "correct horse" }),
  });
  const cookie = /ph_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-up failed: ${response.status}`);
  return cookie;
}

const chunksOf = process.env.PAGE_SIZES_CHUNKS;
const chunksPage = !chunksOf ? null : chunksOf === "1" ? "/settings" : chunksOf;

const server = await startServer();
try {
  const cookie = await signedInCookie(server.base);
  const chunkSizes = new Map();
  const rows = [];
  for (const page of PAGES) {
    const headers = SIGNED_OUT.has(page) ? {} : { cookie };
    const response = await fetch(`${server.base}${page}`, { headers, redirect: "manual" });
    if (response.status !== 200) {
      rows.push({ page, note: `HTTP ${response.status}` });
      continue;
    }
    const html = await response.text();
    // `noModule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
    const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter(
      (match) => !/\snoModule/i.test(match[0]),
    );
    // Chunks a page needs to hydrate but loads through `next/dynamic` (e.g. its language's
    // dictionary) are preloaded: `<link rel="preload" as="script">`. They count too.
    const preloads = [...html.matchAll(/<link[^>]+rel="preload"[^>]*>/g)]
      .filter((match) => /\sas="script"/.test(match[0]))
      .map((match) => /\shref="([^"]+)"/.exec(match[0])?.[1])
      .filter(Boolean);
    const sources = [...new Set([...tags.map((match) => match[1]), ...preloads])];
    let raw = 0;
    let gzip = 0;
    for (const source of sources) {
      if (!chunkSizes.has(source)) {
        const body = Buffer.from(await (await fetch(new URL(source, server.base))).arrayBuffer());
        chunkSizes.set(source, { raw: body.length, gzip: gzipSync(body).length });
      }
      raw += chunkSizes.get(source).raw;
      gzip += chunkSizes.get(source).gzip;
    }
    rows.push({ page, scripts: sources.length, raw, gzip });
    if (page === chunksPage) {
      const chunks = sources.map((source) => ({ source, ...chunkSizes.get(source) })).sort((a, b) => b.gzip - a.gzip);
      for (const chunk of chunks) console.log(`  ${(chunk.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${chunk.source}`);
    }
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
  console.log("\nFirst-load JavaScript per page (production build)");
  console.log("page                     scripts        raw    gzipped");
  for (const row of rows) {
    if (row.note) console.log(`${row.page.padEnd(24)} ${row.note}`);
    else console.log(`${row.page.padEnd(24)} ${String(row.scripts).padStart(7)} ${kb(row.raw)} ${kb(row.gzip)}`);
  }
} finally {
  await server.stop();
}
