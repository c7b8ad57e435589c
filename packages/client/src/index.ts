// @profilehub/client: typed access to a ProfileHub server from another TypeScript app.
export { createProfileHubClient, type ProfileHubClient, type ProfileHubClientOptions } from "./client";
export {
  refreshTokens,
  signIn,
  signOut,
  signUp,
  type AuthOptions,
  type PasswordOptions,
  type SignInOptions,
} from "./auth";
export { ProfileHubError, type ProfileHubErrorCode, type ProfileHubErrorInit } from "./errors";
export type {
  AppRouter,
  AuthTokens,
  ErrorData,
  ErrorReason,
  Issue,
  RouterInputs,
  RouterOutputs,
  UserUpdateInput,
  UserView,
} from "./types";
