"use client";

import type { AppRouter } from "@profilehub/api";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { ArrowRight, History, Monitor, ShieldCheck } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/i18n/provider";
import { useTRPCClient } from "@/trpc/react";

import { actionLabel, ACTIVITY_PAGE_SIZE, describeChange, doorLabel, fieldLabel, isSecurityEvent } from "./describe";

export type ActivityPage = inferRouterOutputs<AppRouter>["me"]["activity"];
type Entry = ActivityPage["entries"][number];

/** The account's audit history, newest first, a page at a time. */
export function ActivityList({ initial }: { initial: ActivityPage }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const query = useInfiniteQuery({
    queryKey: ["me.activity", ACTIVITY_PAGE_SIZE],
    queryFn: ({ pageParam }) => client.me.activity.query({ limit: ACTIVITY_PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    initialData: { pages: [initial], pageParams: [undefined] },
  });
  const entries = query.data.pages.flatMap((page) => page.entries);
  return (
    <Card>
      <CardContent>
        {entries.length === 0 ? (
          <p className="py-6 text-center text-sm text-muted-foreground">{t.activity.empty}</p>
        ) : (
          <ol className="grid" data-testid="activity">
            {entries.map((entry) => (
              <ActivityItem key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
        <div className="mt-4 flex justify-center" aria-live="polite">
          {query.hasNextPage ? (
            <Button
              variant="outline"
              size="sm"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
            >
              {query.isFetchingNextPage ? <Spinner /> : null}
              {query.isFetchingNextPage ? t.common.loading : t.activity.loadMore}
            </Button>
          ) : entries.length > 0 ? (
            <p className="text-[0.8125rem] text-muted-foreground">{t.activity.end}</p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

function ActivityItem({ entry }: { entry: Entry }) {
  const { t, format } = useI18n();
  const changes = Object.entries(entry.changes);
  const security = isSecurityEvent(entry.action);
  const Icon = security ? ShieldCheck : History;
  return (
    <li
      className="relative grid grid-cols-[2rem_1fr] gap-x-3 pb-6 last:pb-0"
      data-testid="activity-entry"
      data-action={entry.action}
    >
      <span aria-hidden className="absolute top-8 bottom-0 left-4 w-px bg-border [li:last-child>&]:hidden" />
      <span aria-hidden className="z-10 grid size-8 place-items-center rounded-full border bg-card">
        <Icon className="size-4 text-muted-foreground" />
      </span>
      <div className="grid min-w-0 gap-2 pt-1">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <p className="text-sm font-medium">{actionLabel(t, entry.action)}</p>
          <Badge variant="outline" data-testid="activity-door">
            {t.activity.by(doorLabel(t, entry.door))}
          </Badge>
          {entry.bySelf ? null : <Badge variant="warning">{t.activity.byServer}</Badge>}
          <time
            dateTime={entry.createdAt}
            title={format.dateTime(entry.createdAt)}
            className="text-[0.8125rem] text-muted-foreground"
            suppressHydrationWarning
          >
            {format.relative(entry.createdAt)}
          </time>
        </div>
        {security ? (
          <p className="flex items-center gap-1.5 text-[0.8125rem] text-muted-foreground" data-testid="activity-device">
            <Monitor aria-hidden className="size-3.5 shrink-0" />
            <span className="sr-only">{t.activity.device}: </span>
            <span className="wrap-anywhere">
              {entry.device ?? t.activity.unknownDevice}
              {entry.ip ? ` · ${entry.ip}` : ""}
            </span>
          </p>
        ) : null}
        {changes.length > 0 ? (
          <dl className="grid gap-1.5 rounded-md border bg-muted/30 px-3 py-2 text-[0.8125rem]">
            {changes.map(([field, change]) => {
              const view = describeChange(field, change, t, format);
              return (
                <div key={field} className="grid gap-x-3 sm:grid-cols-[10rem_1fr]" data-testid="activity-change">
                  <dt className="font-medium">{fieldLabel(t, field)}</dt>
                  <dd className="flex min-w-0 flex-wrap items-center gap-1.5 text-muted-foreground">
                    {view.kind === "secret" ? (
                      <span className="font-medium text-foreground">{t.activity.changed}</span>
                    ) : (
                      <>
                        <Value value={view.from} />
                        <ArrowRight aria-hidden className="size-3.5 shrink-0" />
                        <Value value={view.to} strong />
                      </>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        ) : null}
      </div>
    </li>
  );
}

function Value({ value, strong = false }: { value: string | null; strong?: boolean }) {
  const { t } = useI18n();
  if (value === null) return <span className="italic">{t.activity.empty_value}</span>;
  return (
    <span
      className={strong ? "text-foreground wrap-anywhere" : "line-through decoration-muted-foreground/50 wrap-anywhere"}
    >
      {value}
    </span>
  );
}
