import Link from "next/link";

import { Brand } from "@/components/brand";
import { Button } from "@/components/ui/button";

/** Any unknown page (and the mailbox when mail is sent through SMTP). */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-14 w-full max-w-5xl items-center px-4 sm:px-6">
        <Brand label="ProfileHub" />
      </header>
      <main id="content" className="mx-auto grid max-w-md flex-1 content-center gap-4 px-4 pb-24 text-center">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="text-sm text-muted-foreground">Cette page n’existe pas.</p>
        <div className="flex justify-center gap-2">
          <Button asChild>
            <Link href="/settings">Settings</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/">Home</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
