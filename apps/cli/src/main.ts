import { type Command, parseOptions } from "./args";
import { login, signup } from "./commands/login";
import { logout } from "./commands/logout";
import { me } from "./commands/me";
import { update } from "./commands/update";
import { CliError, EXIT, UsageError } from "./errors";
import { VERSION } from "./version";

const COMMANDS: Command[] = [signup, login, me, update, logout];

const HELP = `Usage: profilehub <command> [options]

Read and update your ProfileHub profile from the terminal.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(8)}${command.summary}`).join("\n")}

Run \`profilehub <command> --help\` for a command's options.

Environment:
  PROFILEHUB_URL       Server for login and signup (default http://localhost:3000)
  PROFILEHUB_CONFIG    Credentials file (default ~/.config/profilehub/credentials.json)
  PROFILEHUB_PASSWORD  Password for login and signup, instead of a prompt

Exit codes:
  0  success
  1  the server refused the request (invalid field, wrong password, …), or an unexpected error
  2  usage error (unknown command or option, malformed value)
  3  not signed in, or the session has ended: run \`profilehub login\`
  4  the server cannot be reached, or did not answer like ProfileHub`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name.startsWith("-")) {
    const values = parseOptions("", argv, { version: { type: "boolean", short: "v" } });
    if (values.version) console.log(VERSION);
    else if (values.help) console.log(HELP);
    else {
      console.error(HELP);
      return EXIT.usage;
    }
    return EXIT.ok;
  }
  if (name === "help") {
    const command = COMMANDS.find((candidate) => candidate.name === rest[0]);
    console.log(command?.help ?? HELP);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  return (await command.run(rest)) ?? EXIT.ok;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    console.error([`profilehub: ${error.message}`, ...error.details].join("\n"));
    process.exitCode = error.exitCode;
  } else {
    console.error(`profilehub: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.PROFILEHUB_DEBUG) console.error(error);
    process.exitCode = EXIT.refused;
  }
}
