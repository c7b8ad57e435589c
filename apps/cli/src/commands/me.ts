import { type Command, parseOptions } from "../args";
import { aligned, profileRows } from "../format";
import { withSession } from "../session";

export const me: Command = {
  name: "me",
  summary: "Show your profile.",
  help: `Usage: profilehub me [--json]

Show the profile of the signed-in account.

Options:
  --json       Print the account as JSON, exactly as the server returns it
  -h, --help   Show this help`,
  async run(argv) {
    const values = parseOptions("me", argv, { json: { type: "boolean" } });
    if (values.help) return void console.log(this.help);
    const user = await withSession(({ client }) => client.me.get.query());
    console.log(values.json ? JSON.stringify(user, null, 2) : aligned(profileRows(user)));
  },
};
