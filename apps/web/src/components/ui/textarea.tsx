import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { inputClass } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea data-slot="textarea" className={cn(inputClass, "min-h-24 h-auto py-2 leading-6", className)} {...props} />
  );
}
