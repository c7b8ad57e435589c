import Link from "next/link";

import { cn } from "@/lib/utils";

interface BrandProps {
  label: string;
  className?: string;
}

/** The ProfileHub mark and name, linking home. */
export function Brand({ label, className }: BrandProps) {
  return (
    <Link href="/" aria-label={label} className={brandClassName(className)}>
      <BrandMark />
    </Link>
  );
}

/**
 * The same as a plain link (a full page load): for a page with no other client-side link, so it
 * ships no router link code (the 404 page, whose script every page loads).
 */
export function PlainBrand({ label, className }: BrandProps) {
  return (
    // eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load on purpose (see above)
    <a href="/" aria-label={label} className={brandClassName(className)}>
      <BrandMark />
    </a>
  );
}

function brandClassName(className: string | undefined) {
  return cn(
    "inline-flex items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60",
    className,
  );
}

function BrandMark() {
  return (
    <>
      <span
        aria-hidden
        className="grid size-7 place-items-center rounded-lg bg-primary text-sm font-bold text-primary-foreground shadow-sm"
      >
        P
      </span>
      <span>ProfileHub</span>
    </>
  );
}
