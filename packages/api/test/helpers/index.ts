// Test helpers shared with other workspaces' tests (`@profilehub/api/testing`).
export { failure, paths } from "./errors";
export {
  linkToken,
  startSmtpServer,
  useSmtpServer,
  type ReceivedMail,
  type SmtpServerOptions,
  type TestSmtpServer,
} from "./smtp-server";
export { startTcpProxy, type ProxyMode, type TcpProxy } from "./tcp-proxy";
export { createTestApp, TEST_CONFIG, useTestApp, type SignedUpUser, type TestApp } from "./test-app";
export { createTestDatabase, testDatabaseKind, testPreparedStatements, type TestDatabase } from "./test-database";
export { startWebhookReceiver, type ReceiverMode, type WebhookReceiver } from "./webhook-receiver";
