import { signOut } from "@profilehub/client";

import { type Command, parseOptions } from "../args";
import { credentialsPath, deleteCredentials, loadCredentials } from "../credentials";
import { CliError, EXIT } from "../errors";
import { withSession } from "../session";
import { USER_AGENT } from "../version";

export const logout: Command = {
  name: "logout",
  summary: "Sign out: revoke the session and delete the stored credentials.",
  help: `Usage: profilehub logout

Revoke the stored session on the server (its tokens stop working at once) and delete
the stored credentials. When the server cannot be reached, the credentials are kept:
run it again later.

Options:
  -h, --help   Show this help`,
  async run(argv) {
    const values = parseOptions("logout", argv, {});
    if (values.help) return void console.log(this.help);
    const stored = loadCredentials();
    if (!stored) return void console.log("Not signed in: nothing to do.");
    let note = "";
    try {
      await withSession(({ credentials }) =>
        signOut({ url: credentials.url, accessToken: credentials.accessToken, headers: { "user-agent": USER_AGENT } }),
      );
    } catch (error) {
      // A session that already ended (revoked elsewhere, expired) is as signed out as it gets.
      if (!(error instanceof CliError) || error.exitCode !== EXIT.auth) throw error;
      note = " (the session had already ended)";
    }
    deleteCredentials();
    console.log(`Signed out of ${stored.url}${note}; removed ${credentialsPath()}.`);
  },
};
