import type { Metadata } from "next";

import { safeNext } from "@/features/auth/safe-next";
import { SignUpForm } from "@/features/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  return <SignUpForm next={safeNext(params.next)} />;
}
