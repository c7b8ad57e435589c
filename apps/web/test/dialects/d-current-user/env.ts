import {
  startWebhookReceiver,
  type TestApp,
  type TestSmtpServer,
  useSmtpServer,
  type WebhookReceiver,
} from "@profilehub/api/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { useDialectApp } from "../helpers/dialect-app";
import { PATH, serverHeaders } from "./stack";

export const WEBHOOK_SECRET = "whsec_dialect_d_0123456789";

export interface CurrentUserEnv {
  app: TestApp;
  /** A real SMTP server the mail worker delivers to. */
  readonly smtp: TestSmtpServer;
  /** A real HTTP receiver for the `validateUserUpdated` webhook (mode reset to accept before each test). */
  readonly receiver: WebhookReceiver;
  server: (token?: string, key?: string | null) => Record<string, string>;
  storedUser: (id: string) => ReturnType<TestApp["database"]["db"]["user"]["findUniqueOrThrow"]>;
  signIn: (email: string, password: string) => ReturnType<ReturnType<TestApp["anonymous"]>["auth"]["token"]>;
  /** SCHEMA_ERROR's message for these problems. */
  schemaMessage: (...problems: string[]) => string;
  /** A new team (with this user as a member, unless null). */
  teamOf: (userId: string | null, displayName?: string) => Promise<{ id: string; displayName: string }>;
}

/** The router on a fresh database, a mail worker on a real SMTP server, and a webhook receiver. */
export function useCurrentUserEnv(): CurrentUserEnv {
  const app = useDialectApp({ webhookTimeoutMs: 500 });
  const smtp = useSmtpServer(app);
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(WEBHOOK_SECRET, 1500);
  });
  afterAll(() => receiver?.close());
  beforeEach(() => {
    if (receiver) receiver.mode = "accept";
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error("The test environment exists only inside tests");
    return value;
  };
  return {
    app,
    smtp,
    get receiver() {
      return started(receiver);
    },
    server: (token, key) => serverHeaders(app, token, key),
    storedUser: (id) => app.database.db.user.findUniqueOrThrow({ where: { id } }),
    signIn: (email, password) => app.anonymous("auth").auth.token({ grant_type: "password", email, password }),
    schemaMessage: (...problems) =>
      `Request validation failed on PATCH ${PATH}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    teamOf: async (userId, displayName = "Team A") => {
      const team = await app.server().admin.createTeam({ displayName });
      if (userId) await app.server().admin.addTeamMember({ teamId: team.id, userId });
      return team;
    },
  };
}
