"use client";

import type { AppRouter } from "@profilehub/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { LogOut, Monitor, Smartphone } from "lucide-react";
import { useState } from "react";

import { useToast } from "@/components/toaster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { failureMessage } from "../settings/failure";
import { lazyComponent } from "../settings/lazy-component";
import { useLazyDialog } from "../settings/lazy-dialog";

export type SessionSummary = inferRouterOutputs<AppRouter>["sessions"]["list"][number];

function DeviceIcon({ device }: { device: string }) {
  const Icon = /iOS|Android/.test(device) ? Smartphone : Monitor;
  return (
    <span className="grid size-10 shrink-0 place-items-center rounded-lg border bg-muted/50">
      <Icon aria-hidden className="size-5 text-muted-foreground" />
    </span>
  );
}

/** The user's live sessions, with "revoke" and "sign out everywhere else". */
export function SessionsList({ initial }: { initial: SessionSummary[] }) {
  const { t, format, refusal } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const { data: sessions } = useQuery({ ...trpc.sessions.list.queryOptions(), initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });
  const onError = (failure: unknown) => setError(failureMessage(failure, t, refusal));
  const revoke = useMutation(
    trpc.sessions.revoke.mutationOptions({
      onSuccess: () => toast(t.sessions.revoked),
      onError,
      onSettled: refresh,
    }),
  );
  const revokeOthers = useMutation(
    trpc.sessions.revokeOthers.mutationOptions({
      onSuccess: ({ revoked }) => toast(t.sessions.revokedOthers(revoked)),
      onError,
      onSettled: refresh,
    }),
  );
  const others = sessions.filter((session) => !session.current).length;
  // "This device" first, then the others as the server orders them (most recently active first).
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <Card>
      <CardContent>
        <ul className="divide-y" data-testid="sessions">
          {ordered.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center gap-4 py-4 first:pt-0 last:pb-0"
              data-testid="session"
            >
              <DeviceIcon device={session.device} />
              <div className="grid min-w-0 flex-1 gap-0.5">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                  {session.device}
                  {session.current ? (
                    <Badge variant="success" data-testid="this-device">
                      {t.sessions.thisDevice}
                    </Badge>
                  ) : null}
                </p>
                <p className="text-[0.8125rem] text-muted-foreground">
                  {session.ipAddress ? t.sessions.ipAddress(session.ipAddress) : t.sessions.unknownIp}
                  {" · "}
                  <time
                    dateTime={session.lastActiveAt}
                    title={format.dateTime(session.lastActiveAt)}
                    suppressHydrationWarning
                  >
                    {t.sessions.lastActive(format.relative(session.lastActiveAt))}
                  </time>
                  {" · "}
                  <span suppressHydrationWarning>{t.sessions.signedIn(format.dateTime(session.createdAt))}</span>
                </p>
              </div>
              {session.current ? null : (
                <Button
                  size="sm"
                  variant="outline"
                  aria-label={t.sessions.revokeLabel(session.device)}
                  disabled={revoke.isPending && revoke.variables.sessionId === session.id}
                  onClick={() => {
                    setError(null);
                    revoke.mutate({ sessionId: session.id });
                  }}
                >
                  {t.sessions.revoke}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {error ? (
          <p role="alert" className="mt-4 text-[0.8125rem] font-medium text-destructive">
            {error}
          </p>
        ) : null}
      </CardContent>
      <CardFooter className="justify-between">
        <p className="text-[0.8125rem] text-muted-foreground">{others === 0 ? t.sessions.onlyThis : null}</p>
        <SignOutOthersButton
          others={others}
          pending={revokeOthers.isPending}
          onConfirm={() => {
            setError(null);
            revokeOthers.mutate();
          }}
        />
      </CardFooter>
    </Card>
  );
}

// The confirmation (Radix's dialog) loads on demand.
const SignOutOthersDialog = lazyComponent(() =>
  import("./sign-out-others-dialog").then((module) => module.SignOutOthersDialog),
);

/** "Sign out everywhere else", confirmed first: it signs out every other device at once. */
function SignOutOthersButton({
  others,
  pending,
  onConfirm,
}: {
  others: number;
  pending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const { triggerProps, shown, dialogProps } = useLazyDialog(SignOutOthersDialog);
  return (
    <>
      <Button size="sm" variant="destructive" disabled={others === 0 || pending} {...triggerProps}>
        <LogOut aria-hidden />
        {t.sessions.revokeOthers}
      </Button>
      {shown ? <SignOutOthersDialog {...dialogProps} others={others} onConfirm={onConfirm} /> : null}
    </>
  );
}
