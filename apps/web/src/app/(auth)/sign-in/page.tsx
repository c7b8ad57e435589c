import type { Metadata } from "next";

import { safeNext } from "@/features/auth/safe-next";
import { SignInForm } from "@/features/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  return <SignInForm next={safeNext(params.next)} expired={params.expired !== undefined} />;
}
