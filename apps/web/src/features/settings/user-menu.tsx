"use client";

import { useLazyMenu } from "@/components/lazy-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { useI18n } from "@/i18n/provider";

import { useMe } from "./me";

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

export const TRIGGER_CLASS =
  "flex items-center gap-2 rounded-full p-0.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60 sm:rounded-md sm:pr-2";

/** What the account button shows: the avatar (or initials) and, on wider screens, the name. */
export function AccountButtonFace() {
  const user = useMe();
  const name = user.displayName ?? ([user.firstName, user.lastName].filter(Boolean).join(" ") || user.email);
  return (
    <>
      <Avatar className="size-8">
        {user.avatarUrl ? <AvatarImage src={user.avatarUrl} alt="" /> : null}
        <AvatarFallback className="text-xs" data-testid="header-initials">
          {initialsOf(user)}
        </AvatarFallback>
      </Avatar>
      <span className="hidden max-w-40 truncate text-sm font-medium sm:block" data-testid="header-name">
        {name}
      </span>
    </>
  );
}

const loadMenu = () => import("./account-menu").then((module) => module.AccountMenu);

/** The header's account button; its menu (./account-menu) loads when it is first reached or pressed. */
export function UserMenu() {
  const { t } = useI18n();
  const { Menu, initiallyOpen, triggerProps } = useLazyMenu(loadMenu);
  if (Menu) return <Menu initiallyOpen={initiallyOpen} />;
  return (
    <button
      type="button"
      aria-label={t.header.accountMenu}
      data-testid="account-menu"
      className={TRIGGER_CLASS}
      {...triggerProps}
    >
      <AccountButtonFace />
    </button>
  );
}
