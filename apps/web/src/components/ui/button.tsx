import { cloneElement, type ComponentProps, isValidElement } from "react";

import { cn } from "@/lib/utils";
import { type VariantProps, variants } from "@/lib/variants";

export const buttonVariants = variants(
  "inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors outline-none select-none focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:ring-offset-2 focus-visible:ring-offset-background disabled:pointer-events-none disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  {
    variant: {
      default: "bg-primary text-primary-foreground shadow-sm hover:bg-primary/90",
      destructive: "bg-destructive text-destructive-foreground shadow-sm hover:bg-destructive/90",
      outline: "border border-input bg-card shadow-xs hover:bg-accent hover:text-accent-foreground",
      secondary: "bg-secondary text-secondary-foreground hover:bg-secondary/80",
      ghost: "hover:bg-accent hover:text-accent-foreground",
      link: "text-primary underline-offset-4 hover:underline",
    },
    size: {
      default: "h-9 px-4 py-2",
      sm: "h-8 rounded-md px-3 text-[0.8125rem]",
      lg: "h-10 rounded-md px-6",
      icon: "size-9",
    },
  },
  { variant: "default", size: "default" },
);

export type ButtonProps = ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : "button";
  return (
    <Component
      data-slot="button"
      className={cn(buttonVariants({ variant, size }), className)}
      {...(asChild ? {} : { type: type ?? "button" })}
      {...props}
    />
  );
}

/**
 * `asChild`: renders its one child element (a link) with the button's props merged in, by Radix
 * Slot's rules: the child's own props win, except that classes are joined, styles merged and both
 * event handlers run (the child's first).
 */
function Slot({ children, ...slotProps }: ComponentProps<"button">) {
  if (!isValidElement<Record<string, unknown>>(children)) return null;
  const childProps = children.props;
  const merged: Record<string, unknown> = { ...slotProps, ...childProps };
  for (const [key, value] of Object.entries(slotProps)) {
    const own = childProps[key];
    if (/^on[A-Z]/.test(key) && typeof value === "function" && typeof own === "function") {
      merged[key] = (...args: unknown[]) => {
        (own as (...args: unknown[]) => void)(...args);
        (value as (...args: unknown[]) => void)(...args);
      };
    } else if (key === "style" && own) {
      merged.style = { ...(value as object), ...own };
    }
  }
  merged.className = cn(slotProps.className, childProps.className as string | undefined);
  return cloneElement(children, merged);
}
