"use client";

import type { AppRouter } from "@profilehub/api";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";

import { fetchKeepingStatus, isSignedOutError } from "./errors";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Every call carries the CSRF header the cookie-authenticated endpoint requires. */
const CSRF_HEADERS = { "x-profilehub-csrf": "1" };

function makeQueryClient(onSignedOut: (() => void) | null) {
  const signedOut = (error: unknown) => {
    if (onSignedOut && isSignedOutError(error)) onSignedOut();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: signedOut }),
    mutationCache: new MutationCache({ onError: signedOut }),
    defaultOptions: {
      // A save while offline fails at once with a message (and can be retried) instead of waiting,
      // paused as "Saving…", for the connection to come back.
      mutations: { networkMode: "always" },
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !isClientError(error),
      },
    },
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** The session ended: sign in again, then come back to this page. */
function signInAgain() {
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/sign-in?expired=1&next=${next}`);
}

/**
 * tRPC over TanStack Query for the app's pages. `redirectWhenSignedOut`: when a call reports that
 * the session ended (revoked elsewhere, expired), go to the sign-in page.
 */
export function TrpcProvider({
  children,
  redirectWhenSignedOut = false,
}: {
  children: ReactNode;
  redirectWhenSignedOut?: boolean;
}) {
  const [queryClient] = useState(() => makeQueryClient(redirectWhenSignedOut ? signInAgain : null));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", headers: () => CSRF_HEADERS, fetch: fetchKeepingStatus })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
