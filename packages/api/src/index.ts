export { appRouter, createCaller, type AppRouter } from "./root";
export { createAppServices, type AppServices } from "./app-services";
export {
  bearerToken,
  createContextInner,
  createRequestContext,
  isServerKey,
  type CallerSession,
  type ClientInfo,
  type ContextInput,
  type Context,
  type RequestCredentials,
  type SessionCookieWriter,
} from "./context";
export { loadConfig, ConfigError, type AppConfig, type LoadedConfig, type MailDeliveryConfig } from "./config";
export { DOORS, doorPolicy, type Door, type DoorPolicy } from "./doors";
export { appError, describeError, errorDetail, ERROR_REASONS, type ErrorReason } from "./errors";
export { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE, withDatabaseUnavailable } from "./services/database/unavailable";
export { webSessionCookieValue } from "./services/sessions/web-session";
export { startMailWorker, type MailWorker } from "./mail/worker";
export { benchRouter, floorUpdate } from "./bench/floor";
