import { getRuntime } from "./runtime";

/** Opens the runtime eagerly (database, mail worker); a clear message and exit if it cannot. */
export async function startUp(): Promise<void> {
  try {
    await getRuntime();
  } catch (error) {
    console.error(`ProfileHub cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
