"use client";

import type { AppRouter } from "@profilehub/api";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { isSignedOutError } from "./errors";

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
  const [queryClient] = useState(() =>
    makeQueryClient(redirectWhenSignedOut ? () => window.location.assign("/sign-in?expired=1") : null),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", headers: () => CSRF_HEADERS })],
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
