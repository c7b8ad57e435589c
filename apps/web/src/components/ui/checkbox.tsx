import { CheckIcon } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * A native checkbox, styled (role "checkbox", labelled by its `<label htmlFor>`, Space toggles,
 * focus ring on keyboard focus). Like the Radix one it replaced, Enter neither toggles it nor
 * submits the form (WAI-ARIA checkboxes activate on Space only).
 */
export function Checkbox({
  className,
  onCheckedChange,
  onChange,
  onKeyDown,
  ...props
}: Omit<ComponentProps<"input">, "type"> & { onCheckedChange?: (checked: boolean) => void }) {
  return (
    <span className={cn("relative inline-grid size-4 shrink-0 place-items-center", className)}>
      <input
        type="checkbox"
        data-slot="checkbox"
        className="peer size-4 shrink-0 cursor-pointer appearance-none rounded-[4px] border border-input bg-card shadow-xs transition-shadow outline-none checked:border-primary checked:bg-primary focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:ring-offset-1 focus-visible:ring-offset-background disabled:cursor-not-allowed disabled:opacity-50"
        onChange={(event) => {
          onChange?.(event);
          onCheckedChange?.(event.target.checked);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.preventDefault();
          onKeyDown?.(event);
        }}
        {...props}
      />
      <CheckIcon
        aria-hidden
        className="pointer-events-none absolute hidden size-3.5 text-primary-foreground peer-checked:block"
      />
    </span>
  );
}
