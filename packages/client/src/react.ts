// @profilehub/client/react: ProfileHub over TanStack Query, the way tRPC v11 recommends.
import type { QueryClient } from "@tanstack/react-query";
import { createTRPCContext, createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";

import { createProfileHubClient, type ProfileHubClient, type ProfileHubClientOptions } from "./client";
import type { AppRouter } from "./types";

/** Query and mutation options for every procedure: `useQuery(profilehub.me.get.queryOptions())`. */
export type ProfileHubOptions = TRPCOptionsProxy<AppRouter>;

/** Where the options proxy sends its calls: an existing client, or the options to make one. */
export type ProfileHubOptionsInit = { queryClient: QueryClient } & (
  { client: ProfileHubClient } | ProfileHubClientOptions
);

/**
 * The options proxy of a single-page app: `profilehub.me.get.queryOptions()`,
 * `profilehub.me.update.mutationOptions()`, `profilehub.me.get.queryKey()`, … fully typed. Given
 * client options (e.g. `{url, session, queryClient}`), it makes the client, token refresh included.
 */
export function createProfileHubOptions(init: ProfileHubOptionsInit): ProfileHubOptions {
  const client = "client" in init ? init.client : createProfileHubClient(init);
  return createTRPCOptionsProxy<AppRouter>({ client, queryClient: init.queryClient });
}

const context = createTRPCContext<AppRouter>();

/**
 * The context style (apps rendered on a server too): wrap the app in
 * `<ProfileHubProvider trpcClient={client} queryClient={queryClient}>`, then call
 * `useProfileHub()` in components for the same options proxy.
 */
export const ProfileHubProvider = context.TRPCProvider;
/** The options proxy of the nearest `ProfileHubProvider`. */
export const useProfileHub = context.useTRPC;
/** The typed client of the nearest `ProfileHubProvider` (for imperative calls). */
export const useProfileHubClient = context.useTRPCClient;
