"use client";

import { useMutation } from "@tanstack/react-query";
import { BookOpen, LogOut, Settings } from "lucide-react";
import Link from "next/link";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { useMe } from "./me";
import { useConfirmLeave } from "./unsaved-changes";
import { AccountButtonFace, TRIGGER_CLASS } from "./user-menu";

/** The header's account menu (loaded by `UserMenu`): who is signed in, links, and sign out. */
export function AccountMenu({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const { t } = useI18n();
  const user = useMe();
  const trpc = useTRPC();
  const confirmLeave = useConfirmLeave();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign("/sign-in") }),
  );
  return (
    <DropdownMenu defaultOpen={initiallyOpen}>
      <DropdownMenuTrigger aria-label={t.header.accountMenu} data-testid="account-menu" className={TRIGGER_CLASS}>
        <AccountButtonFace />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="text-xs font-normal text-muted-foreground">{t.header.signedInAs}</span>
          <span className="truncate">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden /> {t.header.settings}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          {/* /docs is a route handler (the API reference), not a page: a plain link loads it. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/docs">
            <BookOpen aria-hidden /> {t.header.apiDocs}
          </a>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signOut.isPending}
          onSelect={(event) => {
            event.preventDefault();
            if (confirmLeave()) signOut.mutate();
          }}
        >
          <LogOut aria-hidden /> {signOut.isPending ? t.header.signingOut : t.header.signOut}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
