import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { Input } from "./input";

/** A six-digit code from an authenticator app: numeric keyboard, one-time-code autofill, spaced digits. */
export function CodeInput({ className, ...props }: ComponentProps<typeof Input>) {
  return (
    <Input
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      className={cn("font-mono tracking-[0.3em]", className)}
      {...props}
    />
  );
}
