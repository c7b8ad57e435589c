import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

import { Label } from "./label";

/** Ids that tie an input to its description and error (`aria-describedby`). */
export function fieldIds(id: string) {
  return { description: `${id}-description`, error: `${id}-error` };
}

/** Props for an input inside a <Field>: its error state and what describes it. */
export function fieldInputProps(id: string, error: string | undefined, hasDescription = false) {
  const ids = fieldIds(id);
  const describedBy = [hasDescription ? ids.description : null, error ? ids.error : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}

/** A labelled form control with an optional description and an error shown right under it. */
export function Field({
  id,
  label,
  description,
  error,
  className,
  hideLabel = false,
  children,
}: {
  id: string;
  label: ReactNode;
  /** The label stays for screen readers and tests, but is not shown (the row already says it). */
  hideLabel?: boolean;
  description?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const ids = fieldIds(id);
  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </Label>
      {children}
      {description ? (
        <p id={ids.description} className="text-[0.8125rem] text-muted-foreground">
          {description}
        </p>
      ) : null}
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} data-field-error className="text-[0.8125rem] font-medium text-destructive">
      {message}
    </p>
  );
}
