import type { KeyboardEvent } from "react";

/**
 * Escape cancels an inline editor. With unsaved edits (`discard`: the question to ask), it asks
 * first, so a long bio or metadata edit is never thrown away by one key.
 */
export function cancelOnEscape(onCancel: () => void, discard: string | false = false) {
  return (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (discard && !window.confirm(discard)) return;
    onCancel();
  };
}
