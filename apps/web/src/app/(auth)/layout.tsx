import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AuthShell } from "@/features/auth/auth-shell";
import { currentUser } from "@/features/auth/current-user";
import { localeFromAcceptLanguage } from "@/i18n";

export const dynamic = "force-dynamic";

/** Sign in, sign up, forgot and reset password: in the browser's language (Accept-Language); signed-in visitors go to their settings. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await currentUser()) redirect("/settings");
  const locale = localeFromAcceptLanguage((await headers()).get("accept-language"));
  return <AuthShell locale={locale}>{children}</AuthShell>;
}
