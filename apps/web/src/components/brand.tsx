import Link from "next/link";

import { cn } from "@/lib/utils";

/** The ProfileHub mark and name, linking home. */
export function Brand({ label, className }: { label: string; className?: string }) {
  return (
    <Link
      href="/"
      aria-label={label}
      className={cn(
        "inline-flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60",
        className,
      )}
    >
      <span
        aria-hidden
        className="grid size-7 place-items-center rounded-lg bg-primary text-sm font-bold text-primary-foreground shadow-sm"
      >
        P
      </span>
      <span>ProfileHub</span>
    </Link>
  );
}
