import { getRuntime } from "./runtime";

/** Opens the runtime eagerly and prints a banner; a clear message and exit if it cannot. */
export async function startUp(): Promise<void> {
  try {
    const runtime = await getRuntime();
    const { loaded, database } = runtime;
    const lines = [
      `ProfileHub is running`,
      `  database: ${database.kind === "pglite" ? `embedded PGlite (${database.displayUrl})` : database.displayUrl}`,
      `  mail:     ${loaded.config.smtpUrl ? `SMTP ${loaded.config.smtpUrl}` : "kept in the outbox (development mailbox); set SMTP_URL to send"}`,
      `  app URL:  ${loaded.config.appUrl}`,
    ];
    if (loaded.generated.serverApiKey) {
      lines.push(`  server key (generated in ${runtime.dataDir}/secrets.json): ${loaded.config.serverApiKey}`);
    }
    for (const warning of loaded.warnings) lines.push(`  warning: ${warning}`);
    console.log(lines.join("\n"));
  } catch (error) {
    console.error(`ProfileHub cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
