import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { AuthTokens } from "@profilehub/client";

import { CliError, EXIT, LOGIN_HINT } from "./errors";

/** What `profilehub login` stores (mode 0600): the server and the session's token pair. */
export interface Credentials {
  url: string;
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; projectId: string };
}

/** `$PROFILEHUB_CONFIG`, else `$XDG_CONFIG_HOME/profilehub/credentials.json` (`~/.config/…`). */
export function credentialsPath(): string {
  if (process.env.PROFILEHUB_CONFIG) return path.resolve(process.env.PROFILEHUB_CONFIG);
  const configHome = process.env.XDG_CONFIG_HOME || path.join(homedir(), ".config");
  return path.join(configHome, "profilehub", "credentials.json");
}

export function credentialsFrom(url: string, tokens: AuthTokens): Credentials {
  const { id, email, projectId } = tokens.user;
  return { url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: { id, email, projectId } };
}

/** The stored credentials, `null` when there are none; a damaged file is an error. */
export function loadCredentials(): Credentials | null {
  const file = credentialsPath();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, EXIT.auth);
  }
  try {
    const value = JSON.parse(text) as Partial<Credentials>;
    if (
      typeof value.url === "string" &&
      typeof value.accessToken === "string" &&
      typeof value.refreshToken === "string" &&
      typeof value.user?.email === "string"
    ) {
      return value as Credentials;
    }
  } catch {
    // reported below
  }
  throw new CliError(`The credentials file ${file} is damaged.`, EXIT.auth, [LOGIN_HINT]);
}

/** Writes atomically (temporary file, then rename), readable only by the user. */
export function saveCredentials(credentials: Credentials): string {
  const file = credentialsPath();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`Cannot write ${file}: ${(error as Error).message}`, EXIT.refused);
  }
  return file;
}

export function deleteCredentials(): void {
  rmSync(credentialsPath(), { force: true });
}
