import type { UserView } from "@profilehub/validators";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";

import { serverCaller } from "@/server/web-session/server-caller";

/** The router as the browser's user, once per request (layouts and pages share it). */
export const requestCaller = cache(serverCaller);

/** The signed-in user of this request, or `null` (no cookie, or a revoked or expired session). */
export const currentUser = cache(async (): Promise<UserView | null> => {
  const { caller, signedIn } = await requestCaller();
  if (!signedIn) return null;
  try {
    return await caller.me.get();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "NOT_FOUND")) return null;
    throw error;
  }
});

/**
 * The signed-in user and their router, or a redirect to the sign-in page, which comes back to
 * `path` (the page asking) once signed in.
 */
export async function requireUser(path: `/${string}`) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const { caller } = await requestCaller();
  return { user, caller };
}
