"use client";

import { useRef, useState } from "react";

import { type Preloadable, useWhenLoaded } from "./lazy-component";

/** What a dialog loaded by `useLazyDialog` is given: Radix's `open`/`onOpenChange`, and `onClosed`. */
export interface LazyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** For its `DialogContent`'s `onClosed`: focus goes back to the button. */
  onClosed: () => void;
}

/**
 * A button that opens a dialog which is not part of the page's first load (Radix's dialog — focus
 * trap, scroll lock, portal: ~16 KB gzipped — and the dialog's own form, from `lazyComponent()`): it is
 * fetched when the pointer reaches the button or the button gets focus, and opens once here. The
 * button carries a dialog trigger's attributes and stays the same element, so focus returns to it.
 * Once opened, the dialog stays rendered (`shown`), so it can animate out when closed.
 */
export function useLazyDialog(dialog: Preloadable) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const whenLoaded = useWhenLoaded();
  const preload = () => void dialog.preload().catch(() => undefined);
  const show = () => {
    setShown(true);
    setOpen(true);
  };
  return {
    triggerProps: {
      ref: trigger,
      "aria-haspopup": "dialog" as const,
      "aria-expanded": open,
      "data-state": open ? "open" : "closed",
      onPointerEnter: preload,
      onFocus: preload,
      onClick: () => whenLoaded(dialog, show),
    },
    shown,
    dialogProps: { open, onOpenChange: setOpen, onClosed: () => trigger.current?.focus() } satisfies LazyDialogProps,
  };
}
