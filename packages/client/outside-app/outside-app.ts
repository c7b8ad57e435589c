// An app outside this repository's npm workspaces, made in a temporary folder: the fixture's
// files, the two packed tarballs, and packages from the npm registry (through npm's cache).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");

/** What `npm pack --json` says of one tarball (plus where it is). */
export interface Packed {
  name: string;
  version: string;
  filename: string;
  tarball: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export interface OutsideApp {
  /** The app's folder (outside any workspace). */
  dir: string;
  client: Packed;
  cli: Packed;
  /** `<prefix>/bin/profilehub` of `npm install -g --prefix <prefix> ./profilehub-cli-….tgz`. */
  profilehubBin: string;
  /** Where the installed CLI package lives. */
  cliPackageDir: string;
  /** Runs a command in the app's folder (bounded in time). */
  run(command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): Result;
  remove(): void;
}

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** npm's own variables (from `npm test`) would point npm at this repository: drop them. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, NO_COLOR: "1", ...extra };
}

function run(command: string, args: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: cleanEnv(options.env),
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mustRun(command: string, args: string[], cwd: string, timeoutMs: number): Result {
  const result = run(command, args, cwd, { timeoutMs });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** `npm run pack`, then the fixture app with both tarballs installed (the CLI globally, in a prefix). */
export function createOutsideApp(): OutsideApp {
  const base = mkdtempSync(path.join(tmpdir(), "profilehub-outside-"));
  const packs = path.join(base, "packs");
  const dir = path.join(base, "app");
  const prefix = path.join(base, "global");
  const packed = JSON.parse(
    mustRun(process.execPath, [path.join(repoRoot, "scripts/pack.mjs"), "--out", packs, "--json"], repoRoot, 400_000)
      .stdout,
  ) as Packed[];
  const byName = (name: string) => {
    const info = packed.find((candidate) => candidate.name === name);
    if (!info) throw new Error(`npm run pack made no ${name}`);
    return info;
  };
  const client = byName("@profilehub/client");
  const cli = byName("@profilehub/cli");

  cpSync(path.join(here, "fixture"), dir, { recursive: true });
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      {
        name: "profilehub-outside-app",
        private: true,
        type: "module",
        dependencies: {
          "@profilehub/client": `file:${client.tarball}`,
          "@tanstack/react-query": "5.108.0",
          "@trpc/tanstack-react-query": "11.22.1",
          react: "19.3.1",
          "react-dom": "19.3.1",
        },
        devDependencies: {
          "@types/react": "19.3.0",
          "@types/react-dom": "19.3.0",
          esbuild: "0.28.2",
          typescript: "5.9.3",
        },
      },
      null,
      2,
    ),
  );
  const npmFlags = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
  mustRun("npm", ["install", ...npmFlags], dir, 400_000);
  mkdirSync(prefix, { recursive: true });
  mustRun("npm", ["install", "--global", "--prefix", prefix, ...npmFlags, cli.tarball], base, 200_000);

  return {
    dir,
    client,
    cli,
    profilehubBin: path.join(prefix, "bin", "profilehub"),
    cliPackageDir: path.join(prefix, "lib", "node_modules", "@profilehub", "cli"),
    run: (command, args, options = {}) => run(command, args, dir, options),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Every file of a tarball, by path inside the package (`tar` reads it: no npm involved). */
export function tarballFiles(tarball: string): Map<string, string> {
  const into = mkdtempSync(path.join(tmpdir(), "profilehub-tarball-"));
  try {
    mustRun("tar", ["-xzf", tarball, "-C", into], into, 30_000);
    const listing = mustRun("tar", ["-tzf", tarball], into, 30_000).stdout.trim().split("\n");
    return new Map(
      listing
        .filter((entry) => !entry.endsWith("/"))
        .map((entry) => [entry.replace(/^package\//, ""), readFileSync(path.join(into, entry), "utf8")]),
    );
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

/** A static file server for the React page, on its own origin (a free loopback port). */
export async function servePage(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };
  const server: Server = createServer((request, response) => {
    const name = new URL(request.url ?? "/", "http://x").pathname.replace(/^\/$/, "/index.html");
    const file = path.join(root, path.normalize(name));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
