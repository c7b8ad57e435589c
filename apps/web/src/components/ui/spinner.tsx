import { LoaderCircleIcon } from "@/components/icons/loader-circle";
import { cn } from "@/lib/utils";

export function Spinner({ className }: { className?: string }) {
  return <LoaderCircleIcon aria-hidden className={cn("size-4 animate-spin", className)} />;
}
