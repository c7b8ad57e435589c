import { type AuthTokens, ProfileHubError, signIn, type SignInOptions, signUp } from "@profilehub/client";

import { type Command, parseOptions } from "../args";
import { credentialsFrom, loadCredentials, saveCredentials } from "../credentials";
import { CliError, EXIT, explain, UsageError } from "../errors";
import { canPrompt, promptHidden, promptLine, readStdin } from "../prompt";
import { USER_AGENT } from "../version";

const DEFAULT_URL = "http://localhost:3000";

const OPTIONS = {
  url: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  "password-stdin": { type: "boolean" },
  project: { type: "string" },
  totp: { type: "string" },
} as const;

const help = (name: "login" | "signup", what: string) => `Usage: profilehub ${name} --email <email> [options]

${what}

Options:
  --url <url>         Server (default: $PROFILEHUB_URL, else the server of the stored
                      session, else ${DEFAULT_URL})
  --email <email>     Account email (asked for on a terminal when left out)
  --password <pw>     Password (asked for, hidden, on a terminal when left out)
  --password-stdin    Read the password from standard input
  --project <id>      Project (namespace) of the account (default: "default")${
    name === "login"
      ? `
  --totp <code>       Current code of your authenticator app, when two-factor is on
                      (or one of your recovery codes instead)
                      (asked for on a terminal when needed)`
      : ""
  }
  -h, --help          Show this help

The password may also come from $PROFILEHUB_PASSWORD. The session is stored in
$PROFILEHUB_CONFIG, else ~/.config/profilehub/credentials.json (readable only by you);
its access token is refreshed automatically.`;

/** Where to sign in: the option, the environment, the stored session's server, or localhost. */
function serverUrl(given: string | undefined, command: string): string {
  const raw = given ?? process.env.PROFILEHUB_URL ?? storedUrl() ?? DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url must be a URL such as ${DEFAULT_URL} (got "${raw}").`, command);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url must start with http:// or https:// (got "${raw}").`, command);
  }
  return url.href.replace(/\/+$/, "");
}

function storedUrl(): string | undefined {
  try {
    return loadCredentials()?.url;
  } catch {
    return undefined;
  }
}

async function password(values: { password?: string; "password-stdin"?: boolean }, confirm: boolean, command: string) {
  if (values.password !== undefined && values["password-stdin"]) {
    throw new UsageError("Give either --password or --password-stdin, not both.", command);
  }
  if (values.password !== undefined) return values.password;
  if (values["password-stdin"]) return readStdin();
  if (process.env.PROFILEHUB_PASSWORD) return process.env.PROFILEHUB_PASSWORD;
  if (!canPrompt()) {
    throw new UsageError("A password is needed: --password, --password-stdin or $PROFILEHUB_PASSWORD.", command);
  }
  const first = await promptHidden("Password: ");
  if (confirm && (await promptHidden("Password (again): ")) !== first) {
    throw new UsageError("The two passwords differ.", command);
  }
  return first;
}

function passwordCommand(
  name: "login" | "signup",
  summary: string,
  call: (options: SignInOptions) => Promise<AuthTokens>,
  done: (tokens: AuthTokens, url: string) => string[],
): Command {
  return {
    name,
    summary,
    help: help(name, summary),
    async run(argv) {
      const values = parseOptions(name, argv, OPTIONS);
      if (values.help) return void console.log(this.help);
      const url = serverUrl(values.url, name);
      const email = values.email ?? (canPrompt() ? await promptLine("Email: ") : undefined);
      if (!email) throw new UsageError("--email is required.", name);
      if (values.totp !== undefined && name !== "login") throw new UsageError("Unknown option '--totp'", name);
      const options: SignInOptions = {
        url,
        email,
        password: await password(values, name === "signup", name),
        headers: { "user-agent": USER_AGENT },
        ...(values.project === undefined ? {} : { projectId: values.project }),
        ...(values.totp === undefined ? {} : secondFactor(values.totp)),
      };
      const tokens = await call(options).catch(async (error: unknown) => {
        if (ProfileHubError.from(error).code !== "totp_required") throw explain(error, url);
        if (!canPrompt()) {
          throw new CliError(
            "Two-factor authentication is on: give the current code of your authenticator app (or a recovery code) with --totp <code>.",
            EXIT.refused,
          );
        }
        const code = await promptLine("Two-factor code (or a recovery code): ");
        return call({ ...options, ...secondFactor(code) }).catch((retry: unknown) => {
          throw explain(retry, url);
        });
      });
      const file = saveCredentials(credentialsFrom(url, tokens));
      console.log([...done(tokens, url), `Session stored in ${file}.`].join("\n"));
    },
  };
}

/** Six digits are the app's code; anything else is taken as one of the recovery codes. */
const secondFactor = (code: string) => (/^\s*\d{6}\s*$/.test(code) ? { totp: code.trim() } : { recoveryCode: code });

const who = (tokens: AuthTokens) => `${tokens.user.email} (project ${tokens.user.projectId})`;

export const login = passwordCommand(
  "login",
  "Sign in to a ProfileHub server and store the session.",
  signIn,
  (tokens, url) => [`Signed in as ${who(tokens)} at ${url}.`],
);

export const signup = passwordCommand(
  "signup",
  "Create an account, sign in and store the session.",
  signUp,
  (tokens, url) => [
    `Account created: ${who(tokens)} at ${url}.`,
    `A verification link was sent to ${tokens.user.email}.`,
  ],
);
