import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable, type Unsubscribable } from "@trpc/server/observable";

import { ProfileHubError } from "./errors";
import type { TokenSession } from "./token-session";
import type { AppRouter } from "./types";

/** Reasons after which a new access token may succeed (expired, or signed with a rotated key). */
const REFRESHABLE = new Set(["token_expired", "token_invalid"]);

/**
 * The one place where an expired access token is renewed: a call refused with `token_expired`
 * (or `token_invalid`) waits for the session's refresh — shared by every call that failed at the
 * same time — and is sent once more. A refused refresh fails the call with `invalid_grant`.
 */
export function refreshLink(session: TokenSession): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let stopped = false;
        const sentWith = session.tokens?.accessToken ?? null;
        const attempt = (retry: boolean) => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              const reason = ProfileHubError.from(error).code;
              if (retry || !session.tokens || !REFRESHABLE.has(reason)) return observer.error(error);
              session.refresh(sentWith).then(
                () => {
                  if (!stopped) attempt(true);
                },
                (refused: unknown) => observer.error(TRPCClientError.from(ProfileHubError.from(refused))),
              );
            },
          });
        };
        attempt(false);
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
}
