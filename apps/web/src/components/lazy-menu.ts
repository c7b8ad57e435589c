"use client";

import { type ComponentType, type KeyboardEvent, type PointerEvent, useRef, useState } from "react";

/**
 * A menu button whose menu (Radix's dropdown menu, popper and focus scope: ~30 KB gzipped) is not
 * part of the page's first load: it is loaded when the pointer reaches the button or the button
 * is pressed (primary button without Ctrl, Enter, Space, ↓: as Radix's trigger), and opens once
 * loaded if it was pressed. Until then the button carries the trigger's closed-menu attributes.
 * `Menu` (once loaded) renders the whole menu, its own trigger included, open at first when
 * `initiallyOpen` (docs/performance.md, "Pages").
 */
export function useLazyMenu<P extends object>(load: () => Promise<ComponentType<P>>) {
  const [menu, setMenu] = useState<{ Menu: ComponentType<P> } | null>(null);
  const pressed = useRef(false);
  const start = (press: boolean) => {
    if (press) pressed.current = true;
    void load().then((Menu) => setMenu({ Menu }));
  };
  return {
    Menu: menu?.Menu ?? null,
    initiallyOpen: pressed.current,
    triggerProps: {
      "aria-haspopup": "menu" as const,
      "aria-expanded": false,
      "data-state": "closed",
      onPointerEnter: () => start(false),
      onPointerDown: (event: PointerEvent) => {
        if (event.button === 0 && !event.ctrlKey) {
          event.preventDefault();
          start(true);
        }
      },
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
          event.preventDefault();
          start(true);
        }
      },
    },
  };
}
