"use client";

import { useMutation } from "@tanstack/react-query";
import { BookOpen, LogOut, Settings } from "lucide-react";
import Link from "next/link";

import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
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

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** A word's first user-perceived character (an emoji like 👩‍💻 is one, never half a surrogate pair). */
function firstGrapheme(word: string | undefined): string {
  if (!word) return "";
  for (const { segment } of graphemes.segment(word)) return segment;
  return "";
}

/** Up to two initials, grapheme-aware so the server and the browser render the same text. */
export function initialsOf(user: {
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string;
}) {
  const name = user.displayName ?? [user.firstName, user.lastName].filter(Boolean).join(" ");
  const source = name.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return (firstGrapheme(parts[0]) + firstGrapheme(parts[1])).toUpperCase() || "?";
}

/** The header's account button: who is signed in, links, and sign out. */
export function UserMenu() {
  const { t } = useI18n();
  const user = useMe();
  const trpc = useTRPC();
  const confirmLeave = useConfirmLeave();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({ onSettled: () => window.location.assign("/sign-in") }),
  );
  const name = user.displayName ?? ([user.firstName, user.lastName].filter(Boolean).join(" ") || user.email);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t.header.accountMenu}
        data-testid="account-menu"
        className="flex items-center gap-2 rounded-full p-0.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 sm:rounded-md sm:pr-2"
      >
        <Avatar className="size-8">
          {user.avatarUrl ? <AvatarImage src={user.avatarUrl} alt="" /> : null}
          <AvatarFallback className="text-xs" data-testid="header-initials">
            {initialsOf(user)}
          </AvatarFallback>
        </Avatar>
        <span className="hidden max-w-40 truncate text-sm font-medium sm:block" data-testid="header-name">
          {name}
        </span>
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
