import { afterAll, beforeAll, beforeEach } from "vitest";

import { DEFAULT_ABUSE_LIMITS } from "../../src/config";
import {
  type AppConfig,
  type AppServices,
  type ContextInput,
  createAppServices,
  createCaller,
  createContextInner,
  createRequestContext,
  type Door,
} from "../../src/index";
import type { MailNotifier } from "../../src/mail/notifier";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const TEST_CONFIG: AppConfig = {
  appUrl: "http://localhost:3000",
  authSecret: "test-auth-secret-that-is-long-enough-0123456789",
  serverApiKey: "test-server-key-that-is-long-enough-0123456789",
  smtpUrl: undefined,
  mailFrom: "ProfileHub <no-reply@profilehub.test>",
  emailChangeConfirmation: true,
  webhookTimeoutMs: 1500,
  // The defaults, but sign-ups: in-process callers share one address, and tests sign up freely.
  abuseLimits: { ...DEFAULT_ABUSE_LIMITS, signUpPerIp: { limit: 10_000, windowSeconds: 3600 } },
  metricsToken: undefined,
  refreshTokenReuseIntervalS: 10,
};

export type Caller = ReturnType<typeof createCaller>;

export interface SignedUpUser {
  id: string;
  number: number;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** A caller authenticated with this user's access token, through the given door. */
  as(door?: Door): Promise<Caller>;
}

export interface TestApp {
  database: TestDatabase;
  services: AppServices;
  /** Replace the config (e.g. a feature flag) for the following calls. */
  configure(config: Partial<AppConfig>, mail?: MailNotifier): void;
  caller(input: ContextInput): Caller;
  anonymous(door?: Door): Caller;
  server(door?: Door): Caller;
  withToken(accessToken: string, door?: Door, serverKey?: string): Promise<Caller>;
  signUp(options?: { email?: string; password?: string; projectId?: string }): Promise<SignedUpUser>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The router on a fresh, migrated database of this test project's kind (PGlite or PostgreSQL). */
export async function createTestApp(config: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  let services = createAppServices({ db: database.db, config: { ...TEST_CONFIG, ...config } });

  const app: TestApp = {
    database,
    get services() {
      return services;
    },
    configure(changes, mail) {
      services = createAppServices({
        db: database.db,
        config: { ...services.config, ...changes },
        mail: mail ?? services.mail,
      });
    },
    caller: (input) => createCaller(createContextInner(services, input)),
    anonymous: (door = "trpc") => createCaller(createContextInner(services, { door })),
    server: (door = "admin") => createCaller(createContextInner(services, { door, serverAccess: true })),
    async withToken(accessToken, door = "trpc", serverKey) {
      return createCaller(await createRequestContext(services, { accessToken, door, serverKey: serverKey ?? null }));
    },
    async signUp(options = {}) {
      counter += 1;
      const email = options.email ?? `user${counter}@example.com`;
      const password = options.password ?? `correct horse ${counter}`;
      const result = await app.anonymous("auth").auth.signUp({
        email,
        password,
        ...(options.projectId ? { projectId: options.projectId } : {}),
      });
      return {
        id: result.user.id,
        number: result.user.number,
        email: result.user.email,
        password,
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        as: (door = "trpc") => app.withToken(result.accessToken, door),
      };
    },
    reset: () => database.reset(),
    close: () => database.close(),
  };
  return app;
}

/**
 * One app per test file: created before all tests, emptied before each, closed after all.
 * Returns a stand-in that forwards to it, usable at the top of a file.
 */
export function useTestApp(config: Partial<AppConfig> = {}): TestApp {
  let instance: TestApp | undefined;
  beforeAll(async () => {
    instance = await createTestApp(config);
  });
  afterAll(() => instance?.close());
  beforeEach(() => instance?.reset());
  return new Proxy({} as TestApp, {
    get(_target, key: keyof TestApp) {
      if (!instance) throw new Error("The test app exists only inside tests and hooks");
      const value: unknown = Reflect.get(instance, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
    },
  });
}
