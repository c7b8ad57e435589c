import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface SecondOrigin {
  /** `http://localhost:<port>`: another site than the app's `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny static HTTP server on its own port, so the page runs on another origin (and site) than
 * ProfileHub: `/` is a blank HTML page that loads `/page.js`, the bundle in `folder`.
 */
export async function serveSecondOrigin(folder: string): Promise<SecondOrigin> {
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>second origin</title></head>` +
    `<body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  const server: Server = createServer((request, response) => {
    if (request.url === "/page.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      response.end(readFileSync(path.join(folder, "page.js")));
    } else if (request.url === "/" || request.url?.startsWith("/?")) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  // Both loopback families: Chromium may resolve `localhost` to ::1 or 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the browser's keep-alive connections
      }),
  };
}

/** The pages' entry modules: each imports an SDK as an app would. */
const SDK_PAGES = path.join(path.dirname(fileURLToPath(import.meta.url)), "sdk-pages");

/**
 * Bundles the entry module `sdk-pages/<name>` for the browser with esbuild, into a fresh temporary
 * folder as `page.js` — never into the repository. The SDKs' own files are bundled as published.
 */
export async function bundlePage(name: string): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), "profilehub-sdk-page-"));
  await build({
    entryPoints: [path.join(SDK_PAGES, name)],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "chrome120",
    outfile: path.join(folder, "page.js"),
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  return folder;
}

export function removeBundle(folder: string | undefined): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}
