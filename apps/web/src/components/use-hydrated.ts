import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and while the page hydrates, true once React handles its events. A
 * form's submit button waits for it: pressed earlier, the browser would submit the form itself,
 * as a GET with every field (a password too) in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
