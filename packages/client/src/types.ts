import type { AppRouter, ErrorReason } from "@profilehub/api";
import type { UserUpdateInput } from "@profilehub/validators";
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from "@trpc/server";

// Type-only: a consumer app gets the router's types without loading any server code. (The
// published package reads both modules from the declarations generated from the router.)
export type { AppRouter, ErrorReason };

/** Inputs of every procedure: `RouterInputs["me"]["update"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, as received over HTTP: `RouterOutputs["me"]["get"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** What `me.update` accepts: absent = unchanged, `null` = cleared (`RouterInputs["me"]["update"]`). */
export type { UserUpdateInput };
/** The caller's account, as `me.get` and `me.update` return it. */
export type UserView = RouterOutputs["me"]["get"];
/** What the sign-in, sign-up and refresh endpoints return. */
export type AuthTokens = RouterOutputs["auth"]["token"];

/** The `error.data` the server adds to tRPC errors (see packages/api/src/trpc.ts). */
export type ErrorData = inferRouterError<AppRouter>["data"];
/** One validation problem: a dotted path to the field (`""` for the whole input) and a message. */
export type Issue = ErrorData["issues"][number];
