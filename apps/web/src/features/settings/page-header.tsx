"use client";

import { useI18n } from "@/i18n/provider";

type Section = "profile" | "account" | "sessions" | "activity" | "mailbox";

/** The page's title and description, in the user's language. */
export function PageHeader({ section }: { section: Section }) {
  const { t } = useI18n();
  const { title, description } = t[section];
  return (
    <header className="mb-6 grid gap-1">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-muted-foreground">{description}</p>
    </header>
  );
}
