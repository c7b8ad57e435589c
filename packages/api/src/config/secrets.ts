import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface GeneratedSecrets {
  authSecret: string;
  serverApiKey: string;
}

const SECRETS_FILE = "secrets.json";

function readSecrets(file: string): GeneratedSecrets {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<GeneratedSecrets>;
  if (typeof parsed.authSecret !== "string" || typeof parsed.serverApiKey !== "string") {
    throw new Error(`${file} is damaged: delete it to generate new secrets`);
  }
  return { authSecret: parsed.authSecret, serverApiKey: parsed.serverApiKey };
}

/**
 * Secrets for a single machine: generated once into `<dataDir>/secrets.json` (mode 0600) and reused
 * on every start. Several instances must set AUTH_SECRET and SERVER_API_KEY explicitly instead.
 */
export function loadOrCreateSecrets(dataDir: string): GeneratedSecrets & { created: boolean } {
  const file = join(dataDir, SECRETS_FILE);
  mkdirSync(dataDir, { recursive: true });
  const fresh: GeneratedSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    serverApiKey: `phk_${randomBytes(24).toString("base64url")}`,
  };
  try {
    // `wx` fails if another process created the file first; then everyone reads the winner's.
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return { ...fresh, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { ...readSecrets(file), created: false };
  }
}
