import type { Metadata } from "next";

import { currentUser } from "@/features/auth/current-user";
import { messagesFor } from "@/i18n";

type Section = "profile" | "account" | "sessions" | "activity" | "mailbox";

/** A settings page's <title>, in the account's language. */
export async function settingsTitle(section: Section): Promise<Metadata> {
  const user = await currentUser();
  return { title: messagesFor(user?.locale ?? "en").nav[section] };
}
