import type { LoadedConfig } from "@profilehub/api/config";

// The configuration the HTTP server validated at start, for every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.loadedConfig");
type Holder = { [KEY]?: LoadedConfig };

/** Hands the validated configuration to the routes, so it is read and checked once. */
export function provideLoadedConfig(loaded: LoadedConfig): void {
  (globalThis as Holder)[KEY] = loaded;
}

export function providedLoadedConfig(): LoadedConfig | undefined {
  return (globalThis as Holder)[KEY];
}
