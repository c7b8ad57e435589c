import { appError } from "../../errors";
import { checkPublishableKey } from "../../services/projects/publishable-key";
import { refreshInPlace } from "../../services/sessions/refresh-in-place";
import { publicProcedure } from "../../trpc";
import { stackRefreshSchema, stackTokensSchema } from "./schemas";
import { stackSessionTokens } from "./session-tokens";

/**
 * Stack Auth's refresh grant (`POST /api/v1/auth/oauth/token`): a new access token for the same
 * refresh token, which stays valid (Stack does not rotate). The token must be of a user of the
 * project named by `client_id`; anything else is an invalid grant. The `client_secret` must be the
 * project's publishable client key when it has one.
 */
export const stackRefreshProcedure = publicProcedure
  .input(stackRefreshSchema)
  .output(stackTokensSchema)
  .mutation(async ({ ctx, input }) => {
    await checkPublishableKey(ctx.services.db, input.projectId, input.publishableClientKey ?? null);
    const refreshed = await refreshInPlace(ctx.services.db, input.refreshToken, input.projectId);
    if (!refreshed) throw appError("invalid_grant", { failure: "unknown" });
    return stackSessionTokens(ctx, { ...refreshed, refreshToken: input.refreshToken });
  });
