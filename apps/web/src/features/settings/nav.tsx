"use client";

import { History, Inbox, type LucideIcon, MonitorSmartphone, ShieldCheck, UserRound } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/i18n/provider";
import { cn } from "@/lib/utils";

import { useConfirmLeave } from "./unsaved-changes";

type Section = "profile" | "account" | "sessions" | "activity" | "mailbox";
const ITEMS: { href: string; section: Section; icon: LucideIcon }[] = [
  { href: "/settings", section: "profile", icon: UserRound },
  { href: "/settings/account", section: "account", icon: ShieldCheck },
  { href: "/settings/sessions", section: "sessions", icon: MonitorSmartphone },
  { href: "/settings/activity", section: "activity", icon: History },
  { href: "/settings/mailbox", section: "mailbox", icon: Inbox },
];

/** The settings sections: a sidebar on wide screens, a scrollable row of tabs on phones. */
export function SettingsNav({ showMailbox }: { showMailbox: boolean }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const confirmLeave = useConfirmLeave();
  const items = ITEMS.filter((item) => showMailbox || item.section !== "mailbox");
  const nav = useRef<HTMLElement>(null);
  // On a phone the sections are a row of tabs: bring the current one into view.
  useEffect(() => {
    const container = nav.current;
    const current = container?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!container || !current || container.scrollWidth <= container.clientWidth) return;
    container.scrollLeft = current.offsetLeft - (container.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav
      ref={nav}
      aria-label={t.nav.label}
      className="relative -mx-4 overflow-x-auto px-4 md:mx-0 md:overflow-visible md:px-0"
    >
      <ul className="flex w-max min-w-full gap-1 border-b pb-2 md:w-auto md:flex-col md:border-b-0 md:pb-0">
        {items.map(({ href, section, icon: Icon }) => {
          const active = pathname === href;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                onClick={(event) => {
                  if (!active && !confirmLeave()) event.preventDefault();
                }}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60",
                  active && "bg-accent text-accent-foreground",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {t.nav[section]}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A spinner on the link being opened, while its page loads. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="ml-auto size-3.5" /> : null;
}
