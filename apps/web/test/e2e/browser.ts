import { execFile } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Where a system Chromium is looked for: Debian's (`apt-get install -y chromium`).
 * `PROFILEHUB_SYSTEM_CHROMIUM=none` looks for none, as on a bare machine (CI proves the npm
 * fallback that way).
 */
const SYSTEM_CHROMIUM = process.env.PROFILEHUB_SYSTEM_CHROMIUM ?? "/usr/bin/chromium";

/** The npm package's Chromium is unpacked here once (~200 MB, ~8 s), beside the installed packages. */
const NPM_CHROMIUM_DIR = path.join(repoRoot, "node_modules/.cache/profilehub-chromium");

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface BrowserChoice {
  /** What was chosen, for the test log. */
  description: string;
  executablePath: string;
  env?: Record<string, string>;
}

/**
 * Unpacks `@sparticuz/chromium` (a Chromium shipped inside the npm package; it needs only libc)
 * with the package's own `executablePath()`, in a child process whose temporary folder is a fresh
 * folder beside the cache: the test process's environment stays as it is, nothing lands in /tmp,
 * and the cache only ever holds a complete browser (the folder is renamed into place at the end).
 */
async function unpackNpmChromium(): Promise<string> {
  const executable = path.join(NPM_CHROMIUM_DIR, "chromium");
  if (existsSync(executable)) return executable;
  const partial = `${NPM_CHROMIUM_DIR}.partial-${process.pid}`;
  const script = `import("@sparticuz/chromium").then((m) => m.default.executablePath())`;
  mkdirSync(partial, { recursive: true });
  try {
    await promisify(execFile)(process.execPath, ["-e", script], {
      cwd: path.join(repoRoot, "apps/web"),
      env: { ...process.env, TMPDIR: partial },
    });
    // The package's own fonts.conf looks in /tmp/fonts; without any font the renderer aborts.
    writeFileSync(
      path.join(partial, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(NPM_CHROMIUM_DIR, "fonts")}</dir>\n  <cachedir>${path.join(NPM_CHROMIUM_DIR, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
    );
    if (!existsSync(executable)) renameSync(partial, NPM_CHROMIUM_DIR);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return executable;
}

/** `CHROMIUM_PATH`, else the system's Chromium, else the one from the npm registry. */
export async function chooseBrowser(): Promise<BrowserChoice> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH=${given} does not exist.`);
    return { description: `CHROMIUM_PATH (${given})`, executablePath: given };
  }
  if (SYSTEM_CHROMIUM !== "none" && existsSync(SYSTEM_CHROMIUM)) {
    return { description: `system Chromium (${SYSTEM_CHROMIUM})`, executablePath: SYSTEM_CHROMIUM };
  }
  const executablePath = await unpackNpmChromium();
  return {
    description: `Chromium from the npm package @sparticuz/chromium (${executablePath})`,
    executablePath,
    // Its own fonts (Open Sans), so pages render the same on a machine without any.
    env: { FONTCONFIG_FILE: path.join(NPM_CHROMIUM_DIR, "fonts.conf") },
  };
}

const definedEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Launches headless Chromium (see `chooseBrowser`), with `extraArgs`, and says which one in the test log. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const choice = await chooseBrowser();
  console.log(`[browser] ${choice.description}`);
  return chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: [...ARGS, ...extraArgs],
    ...(choice.env ? { env: { ...definedEnv(), ...choice.env } } : {}),
  });
}
