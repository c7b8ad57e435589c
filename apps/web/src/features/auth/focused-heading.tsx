"use client";

import { type ReactNode, useEffect, useRef } from "react";

/** The card's title; when `focus` turns on (the form was replaced by its outcome), keyboard focus moves to it. */
export function FocusedHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="text-xl leading-tight font-semibold outline-none">
      {children}
    </h1>
  );
}
