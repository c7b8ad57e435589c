import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/use-hydrated";

/**
 * The end of the signed-out forms: the form's error, its submit button (enabled once the page is
 * hydrated, see `useHydrated`), the other page.
 */
export function AuthFormFooter({
  error,
  errorTestId,
  busy,
  submitLabel,
  prompt,
  linkHref,
  linkLabel,
}: {
  error: string | null | undefined;
  errorTestId?: string;
  busy: boolean;
  submitLabel: string;
  prompt: string;
  linkHref: string;
  linkLabel: string;
}) {
  const hydrated = useHydrated();
  return (
    <>
      {error ? (
        <p role="alert" className="text-[0.8125rem] font-medium text-destructive" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={busy || !hydrated} className="w-full">
        {busy ? <Spinner /> : null}
        {submitLabel}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {prompt}{" "}
        <Link href={linkHref} className="font-medium text-primary underline-offset-4 hover:underline">
          {linkLabel}
        </Link>
      </p>
    </>
  );
}
