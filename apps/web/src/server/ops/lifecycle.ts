/** What must be closed when the process stops, in order (the HTTP server runs it on SIGTERM). */
export interface ShutdownStep {
  name: string;
  /** Gets the time left before the process must exit. */
  run(remainingMs: number): Promise<void>;
}

interface Lifecycle {
  shuttingDown: boolean;
  steps: ShutdownStep[];
}

// One per process, shared by the HTTP server and every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.lifecycle");
type Holder = { [KEY]?: Lifecycle };

function lifecycle(): Lifecycle {
  const holder = globalThis as Holder;
  holder[KEY] ??= { shuttingDown: false, steps: [] };
  return holder[KEY];
}

/** Adds a step to run at shutdown, after the steps added before it. */
export function onShutdown(step: ShutdownStep): void {
  lifecycle().steps.push(step);
}

export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

/** Marks the process as stopping (readiness fails from now on) and hands over the steps to run. */
export function beginShutdown(): ShutdownStep[] {
  const state = lifecycle();
  state.shuttingDown = true;
  return state.steps.splice(0);
}
