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
export { setTelemetryObserver, type MailOutcome, type TelemetryObserver, type WebhookOutcome } from "./telemetry";
export { DOOR_VIEW_FIELDS } from "./door-views";
export { DOORS, doorPolicy, type Door, type DoorPolicy } from "./doors";
export {
  appError,
  conflictingField,
  describeError,
  errorDetail,
  ERROR_REASONS,
  invalidField,
  validationError,
  type DescribedError,
  type ErrorReason,
} from "./errors";
export { RETRY_AFTER_SECONDS, withDatabaseUnavailable } from "./services/database/unavailable";
export { retryAfterOf } from "./retry-after";
export { webSessionCookieValue } from "./services/sessions/web-session";
export { startMailWorker, type MailWorker, type MailWorkerStatus } from "./mail/worker";
export { outboxCounts } from "./mail/outbox";
export { benchRouter, floorResponse, floorSession, floorUpdate } from "./bench/floor";
export {
  API_VERSION,
  API_VERSION_HEADER,
  clientVersionProblem,
  MIN_API_VERSION_HEADER,
  MIN_CLIENT_API_VERSION,
} from "./api-version";
