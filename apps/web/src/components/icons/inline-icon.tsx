import type { ComponentProps, ReactNode } from "react";

export type IconProps = Omit<ComponentProps<"svg">, "children">;

// The Lucide icons of the signed-out pages and the spinner are drawn inline, one module each (a
// page ships the icons it shows only); signed-in pages use lucide-react itself.

/**
 * A Lucide icon drawn inline, with the markup lucide-react renders (same attributes and
 * `lucide lucide-<name>` classes) but none of its runtime: for the pages that ship no other icon.
 * Decorative: hidden from assistive technology unless `aria-hidden` is overridden.
 */
export function inlineIcon(names: string, shapes: ReactNode) {
  return function InlineIcon({ className, ...props }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={className ? `${names} ${className}` : names}
        aria-hidden="true"
        {...props}
      >
        {shapes}
      </svg>
    );
  };
}
