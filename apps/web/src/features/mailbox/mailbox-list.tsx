"use client";

import type { AppRouter } from "@profilehub/api";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Inbox, RefreshCw } from "lucide-react";
import { Fragment } from "react";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

export type Mail = inferRouterOutputs<AppRouter>["mailbox"]["list"][number];

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its http(s) links made clickable. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-primary underline underline-offset-4">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The development mailbox: this account's mails, kept in the outbox because no SMTP_URL is set. */
export function MailboxList({ initial }: { initial: Mail[] }) {
  const { t, format } = useI18n();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.mailbox.list.queryOptions(), initialData: initial, refetchInterval: 10_000 });
  return (
    <div className="grid gap-4">
      <div className="flex justify-end">
        <Button variant="outline" size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
          <RefreshCw aria-hidden className={query.isFetching ? "animate-spin" : undefined} />
          {t.mailbox.refresh}
        </Button>
      </div>
      {query.data.length === 0 ? (
        <Card>
          <CardContent className="grid place-items-center gap-2 py-10 text-sm text-muted-foreground">
            <Inbox aria-hidden className="size-6" />
            {t.mailbox.empty}
          </CardContent>
        </Card>
      ) : (
        <ul className="grid gap-4" data-testid="mailbox">
          {query.data.map((mail) => (
            <li key={mail.id}>
              <Card data-testid="mail" aria-labelledby={`mail-${mail.id}`}>
                <CardHeader>
                  <CardTitle id={`mail-${mail.id}`}>{mail.subject}</CardTitle>
                  <CardDescription className="flex flex-wrap gap-x-3">
                    <span>{t.mailbox.to(mail.to)}</span>
                    <time dateTime={mail.createdAt} suppressHydrationWarning>
                      {format.dateTime(mail.createdAt)}
                    </time>
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <pre className="font-sans text-sm leading-relaxed whitespace-pre-wrap">
                    <Linkified text={mail.text} />
                  </pre>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
