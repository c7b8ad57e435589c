import { localeSchema } from "@profilehub/validators";
import { ArrowRight, BookOpen, CircleCheck, Database, KeyRound, Mail } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";

import { Brand } from "@/components/brand";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/features/auth/current-user";
import { localeFromAcceptLanguage, messagesFor } from "@/i18n";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "ProfileHub" } };

/**
 * Landing page: what is running here and where to go next; after an account deletion
 * (`?account-deleted=<its language>`, signed out), the notice that it is done, in that language.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const [{ database, loaded }, incoming, user, query] = await Promise.all([
    getRuntime(),
    headers(),
    currentUser(),
    searchParams,
  ]);
  // The deleted account's language (the landing page's query), as the notice mail's.
  const deleted = user ? undefined : localeSchema.safeParse(query["account-deleted"]).data;
  const locale = user?.locale ?? deleted ?? localeFromAcceptLanguage(incoming.get("accept-language"));
  const t = messagesFor(locale).landing;
  const theme = messagesFor(locale).theme;
  // Nothing a visitor could use against the server: no database path or URL, no part of the key.
  const facts = [
    { icon: Database, label: t.database, value: database.kind === "pglite" ? t.pglite : t.postgres },
    { icon: Mail, label: t.mail, value: loaded.config.smtpUrl ? t.smtp : t.outbox },
    { icon: KeyRound, label: t.serverKey, value: loaded.generated.serverApiKey ? t.keyGenerated : t.keyFromEnv },
  ];
  const doors = [
    { path: "/api/trpc", text: t.doorTrpc },
    { path: "/api/auth/*", text: t.doorAuth },
    { path: "/api/v3/auth/user · /api/v1/users/me · …", text: t.doorRest },
  ];
  return (
    <div
      lang={locale}
      className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_55%)]"
    >
      <header className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4 sm:px-6">
        <Brand label="ProfileHub" />
        <div className="flex items-center gap-1">
          <ThemeToggle labels={theme} />
          {user ? null : (
            <Button asChild variant="ghost" size="sm">
              <Link href="/sign-in">{messagesFor(locale).auth.signIn.submit}</Link>
            </Button>
          )}
        </div>
      </header>
      <main id="content" className="mx-auto grid w-full max-w-6xl gap-10 px-4 pt-10 pb-16 sm:px-6 sm:pt-20">
        {deleted ? (
          <Alert role="status" variant="success" data-testid="account-deleted-notice" className="max-w-2xl">
            <CircleCheck aria-hidden />
            <AlertDescription>{messagesFor(locale).deleteAccount.deletedNotice}</AlertDescription>
          </Alert>
        ) : null}
        <section className="grid max-w-2xl gap-5">
          <Badge variant="outline" className="bg-card">
            {t.tagline}
          </Badge>
          <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">ProfileHub</h1>
          <p className="text-lg text-pretty text-muted-foreground">{t.lead}</p>
          <div className="flex flex-wrap gap-3">
            <Button asChild size="lg">
              <Link href={user ? "/settings" : "/sign-up"}>
                {user ? t.openSettings : t.signUp}
                <ArrowRight aria-hidden />
              </Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              {/* /docs is a route handler (the API reference), not a page. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/docs">
                <BookOpen aria-hidden />
                {t.apiDocs}
              </a>
            </Button>
            {user ? null : (
              <Button asChild size="lg" variant="ghost">
                <Link href="/settings">{t.openSettings}</Link>
              </Button>
            )}
          </div>
        </section>
        <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
          <Card>
            <CardHeader>
              <CardTitle>{t.running}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-4" data-testid="facts">
                {facts.map(({ icon: Icon, label, value }) => (
                  <div
                    key={label}
                    className="grid grid-cols-[1.25rem_1fr] gap-x-3 gap-y-0.5 sm:grid-cols-[1.25rem_9rem_1fr]"
                  >
                    <Icon aria-hidden className="mt-0.5 size-4 text-muted-foreground" />
                    <dt className="text-sm text-muted-foreground">{label}</dt>
                    <dd className="col-start-2 text-sm break-words sm:col-start-3">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t.doors}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-3 text-sm">
                {doors.map(({ path, text }) => (
                  <li key={path} className="grid gap-0.5">
                    <code className="font-mono text-[0.8125rem] text-foreground">{path}</code>
                    <span className="text-muted-foreground">{text}</span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </div>
      </main>
    </div>
  );
}
