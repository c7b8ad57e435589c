// @profilehub/client: typed access to a ProfileHub server from another TypeScript app.
export { createProfileHubClient, profileHubLinks, type ProfileHubClient, type ProfileHubClientOptions } from "./client";
export {
  refreshTokens,
  signIn,
  signOut,
  signUp,
  type AuthOptions,
  type PasswordOptions,
  type SignInOptions,
} from "./auth";
export { createTokenSession, type SessionTokens, type TokenSession, type TokenSessionOptions } from "./token-session";
export { ProfileHubError, type ProfileHubErrorInit } from "./errors";
export {
  AUTH_ERROR_CODES,
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  type ProfileHubErrorCode,
  type ServerErrorCode,
} from "./error-codes";
export { CLIENT_API_VERSION, VERSION_HEADERS } from "./version";
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
