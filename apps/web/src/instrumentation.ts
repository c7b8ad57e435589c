/** Runs once when the server starts: opens the database and prints what is running. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./server/start-up");
  await startUp();
}
