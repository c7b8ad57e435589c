import { readFileSync } from "node:fs";

export const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Sent with every request: the user's session list shows which device a session belongs to. */
export const USER_AGENT = `profilehub-cli/${VERSION} (node ${process.versions.node}; ${process.platform})`;
