import { PlainBrand } from "@/components/brand";
import { Button } from "@/components/ui/button";

/**
 * Any unknown page (and the mailbox when mail is sent through SMTP). Plain links: every page loads
 * this boundary's scripts, so it has no client component (a `next/link` here costs each page ~3 KB).
 */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-14 w-full max-w-5xl items-center px-4 sm:px-6">
        <PlainBrand label="ProfileHub" />
      </header>
      <main id="content" className="mx-auto grid max-w-md flex-1 content-center gap-4 px-4 pb-24 text-center">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="text-sm text-muted-foreground">Cette page n’existe pas.</p>
        <div className="flex justify-center gap-2">
          <Button asChild>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (see above) */}
            <a href="/settings">Settings</a>
          </Button>
          <Button asChild variant="outline">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose (see above) */}
            <a href="/">Home</a>
          </Button>
        </div>
      </main>
    </div>
  );
}
