// `npx tsx packages/api/bench/door-update.ts`: the Node CPU of the update path, in-process (issue
// 12's levers, DESIGN §9). A report, no asserts, not a test; prints µs per operation.
//
// Two parts, interleaved in rounds (medians over rounds; the machine is shared, so read ratios):
// - stages without a database, in a loop: the context and caller, the router's middleware chain
//   with a procedure that returns a fixed view (input parse, output check), the update's
//   validation under a door's policy, the output check of a view, the prepared statement's name;
// - the update against a scratch database (BENCH_DB=pglite, or PostgreSQL through
//   TEST_DATABASE_URL, a server where we may CREATE DATABASE): the bare tRPC floor beside
//   `me.update` through the tRPC door and through dialect A's context, `users.update` with dialect
//   C's document (names and the user's own email) and with names only, one request at a time,
//   users in rotation. Node CPU per request (process.cpuUsage) and wall time per request.
//
// Knobs: BENCH_DB (postgres | pglite; default postgres when TEST_DATABASE_URL is set),
// BENCH_PART (stages | db; default both), BENCH_ROUNDS (15), BENCH_DB_OPS (150 per scenario and round), BENCH_STAGE_OPS (3000), BENCH_USERS (20).
import { preparedStatementName, type Prisma } from "@profilehub/db";
import {
  unstorableInputIssues,
  userUpdateInputSchema,
  type UserView,
  userViewOutput,
  userViewSchema,
  validateUserUpdate,
} from "@profilehub/validators";

import {
  benchRouter,
  type Context,
  createAppServices,
  createCaller,
  createContextInner,
  createRequestContext,
  DOOR_VIEW_FIELDS,
  doorPolicy,
} from "../src/index";
import { usersUpdateOutput } from "../src/router/users/update";
import { planUpdate } from "../src/services/users/update-plan";
import { buildUpdateStatement } from "../src/services/users/update-statement";
import { userUpdatePolicyOf } from "../src/services/users/update-user";
import { createCallerFactory, router, tokenProcedure } from "../src/trpc";
import { TEST_CONFIG } from "../test/helpers/test-app";
import { createTestDatabase, type TestDatabaseKind } from "../test/helpers/test-database";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const DB_OPS = Number(process.env.BENCH_DB_OPS ?? 150);
const STAGE_OPS = Number(process.env.BENCH_STAGE_OPS ?? 3000);
const USERS = Number(process.env.BENCH_USERS ?? 20);
/** `stages`, `db` or both (default). */
const PART = process.env.BENCH_PART ?? "all";
const KIND: TestDatabaseKind =
  (process.env.BENCH_DB as TestDatabaseKind | undefined) ?? (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
if (KIND === "postgres") process.env.TEST_DB_KIND = "postgres";

type Op = (i: number) => unknown;
interface Scenario {
  name: string;
  ops: number;
  run: Op;
}
interface Sample {
  wall: number;
  cpu: number;
}

async function measure(scenario: Scenario): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < scenario.ops; i++) await scenario.run(i);
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / scenario.ops;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / scenario.ops };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function runAll(title: string, scenarios: Scenario[]): Promise<Map<string, Sample>> {
  for (const scenario of scenarios) await measure({ ...scenario, ops: Math.ceil(scenario.ops / 3) }); // warm-up
  const samples = new Map<string, Sample[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) samples.get(scenario.name)!.push(await measure(scenario));
  }
  const result = new Map<string, Sample>();
  console.log(`\n${title} (${ROUNDS} rounds, medians; µs per op)`);
  console.log(
    `${"scenario".padEnd(58)} ${"wall µs".padStart(9)} ${"CPU µs".padStart(9)} ${"CPU min".padStart(9)} ${"CPU range".padStart(15)}`,
  );
  for (const [name, list] of samples) {
    const sample = { wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)) };
    result.set(name, sample);
    const cpus = list.map((s) => s.cpu);
    const range = `${Math.min(...cpus).toFixed(1)}–${Math.max(...cpus).toFixed(1)}`;
    console.log(
      `${name.padEnd(58)} ${sample.wall.toFixed(1).padStart(9)} ${sample.cpu.toFixed(1).padStart(9)} ${Math.min(...cpus)
        .toFixed(1)
        .padStart(9)} ${range.padStart(15)}`,
    );
  }
  return result;
}

const database = await createTestDatabase(KIND);
try {
  const services = createAppServices({ db: database.db, config: TEST_CONFIG });
  const anonymous = createCaller(createContextInner(services, { door: "auth" }));
  const users: { accessToken: string; id: string; email: string }[] = [];
  for (let n = 0; n < USERS; n++) {
    const email = `bench${n}@example.com`;
    const signedUp = await anonymous.auth.signUp({ email, password: `correct horse ${n}` });
    users.push({ accessToken: signedUp.accessToken, id: signedUp.user.id, email });
  }
  const first = await createRequestContext(services, { accessToken: users[0]!.accessToken, door: "trpc" });
  const view: UserView = await createCaller(first).me.get();

  // --- stages, no database -------------------------------------------------------------------
  const fixed = router({
    update: tokenProcedure
      .input(userUpdateInputSchema)
      .output(userViewOutput)
      .mutation(() => view),
  });
  const fixedCaller = createCallerFactory(fixed);
  const statementText = await sampleUpdateStatementText();
  const trpcPolicy = doorPolicy("trpc", { emailChangeConfirmation: TEST_CONFIG.emailChangeConfirmation });
  const dialectAPolicy = doorPolicy("dialect-a", { emailChangeConfirmation: TEST_CONFIG.emailChangeConfirmation });
  const stages: Scenario[] = [
    {
      name: "context: createRequestContext (token verify) + createCaller",
      ops: STAGE_OPS,
      run: async (i) => createCaller(await createRequestContext(services, credentials(i, "trpc"))),
    },
    {
      name: "tRPC chain: token procedure, object input, fixed view out",
      ops: STAGE_OPS,
      run: (i) => fixedCaller(contextFor(i)).update({ bio: `bio ${i}` }),
    },
    {
      name: "input: doorPolicy + validateUserUpdate (dialect A)",
      ops: STAGE_OPS,
      run: (i) =>
        validateUserUpdate(
          { displayName: `Name ${i}`, bio: `bio ${i}` },
          userUpdatePolicyOf(doorPolicy("dialect-a", { emailChangeConfirmation: i % 2 === 0 }), false),
        ),
    },
    {
      name: "input: validateUserUpdate({ bio }), tRPC door",
      ops: STAGE_OPS,
      run: (i) => validateUserUpdate({ bio: `bio ${i}` }, userUpdatePolicyOf(trpcPolicy, false)),
    },
    {
      name: "input: validateUserUpdate(door A's { data: { theme } })",
      ops: STAGE_OPS,
      // Dialect A's `{ data: { theme } }` as the router receives it (`data` is `userMetadataPatch`).
      run: (i) =>
        validateUserUpdate({ userMetadataPatch: { theme: `theme ${i}` } }, userUpdatePolicyOf(dialectAPolicy, false)),
    },
    {
      name: "input: unstorableInputIssues(door A's input)",
      ops: STAGE_OPS,
      run: (i) => unstorableInputIssues({ userMetadataPatch: { theme: `theme ${i}` } }),
    },
    { name: "output: userViewSchema.parse(view) (zod, before)", ops: STAGE_OPS, run: () => userViewSchema.parse(view) },
    { name: "output: userViewOutput(view) (key check)", ops: STAGE_OPS, run: () => userViewOutput(view) },
    {
      name: "output: users.update's {user, changes}",
      ops: STAGE_OPS,
      run: () => usersUpdateOutput({ user: view, changes: { bio: { from: "a", to: "b" } } }),
    },
    {
      name: "SQL build: planUpdate + buildUpdateStatement, read as Prisma does ({bio})",
      ops: STAGE_OPS,
      run: (i) => {
        const session = contextFor(i).session!;
        const statement = buildUpdateStatement({
          target: { id: session.userId },
          projectId: session.projectId,
          session,
          serverAccess: false,
          plan: planUpdate({ bio: `bio ${i}` }, {}),
          audit: {
            door: "trpc",
            requestId: `bench-${i}`,
            action: "user.update",
            client: { ip: null, userAgent: null },
          },
          webhook: { mode: "refuse" },
        });
        // Prisma reads `.sql` (to check it is a template) and `.text`, then the text (flat) and the values.
        return (
          statement.sql.charCodeAt(0) + statement.text.charCodeAt(statement.text.length - 1) + statement.values.length
        );
      },
    },
    {
      name: `driver: preparedStatementName(update text, ${statementText.length} chars)`,
      ops: STAGE_OPS,
      // A fresh string each time, as the driver gets one per execution (no cached string hash).
      run: (i) => preparedStatementName(`${statementText.slice(0, 64)}${statementText.slice(64)}${i < 0 ? "" : ""}`),
    },
  ];
  const sessions = await Promise.all(users.map((user) => createRequestContext(services, credentials(0, "trpc", user))));
  function contextFor(i: number): Context {
    return sessions[i % sessions.length]!;
  }
  function credentials(
    i: number,
    door: "trpc" | "dialect-a" | "dialect-c" | "dialect-e",
    user = users[i % users.length]!,
  ) {
    return {
      accessToken: user.accessToken,
      door,
      requestId: `bench-${i}`,
      client: { ip: "127.0.0.1", userAgent: "bench" },
    };
  }
  if (PART !== "db") await runAll("Stages without a database", stages);

  // --- the update against the database --------------------------------------------------------
  const floorCaller = createCallerFactory(benchRouter);
  let serial = 0;
  const bio = () => `bench bio ${(serial += 1)}`;
  /** Letters only (dialect C's names): the serial in base 26. */
  const letters = () => (serial += 1).toString(26).replace(/\d/g, (digit) => "qrstuvwxyz"[Number(digit)]!);
  const db: Scenario[] = [
    {
      name: "floor: bare tRPC procedure (token, one UPDATE)",
      ops: DB_OPS,
      run: async (i) => floorCaller(await createRequestContext(services, credentials(i, "trpc"))).floor({ bio: bio() }),
    },
    {
      name: "me.update through the tRPC door",
      ops: DB_OPS,
      run: async (i) =>
        createCaller(await createRequestContext(services, credentials(i, "trpc"))).me.update({ bio: bio() }),
    },
    {
      name: "me.update with dialect A's context (callerWith)",
      ops: DB_OPS,
      run: async (i) => {
        const ctx = await createRequestContext(services, credentials(i, "dialect-a"));
        return createCaller({ ...ctx, requestProblems: [] }).me.update({ bio: bio() });
      },
    },
    {
      name: "me.update with dialect A's context and its narrowed view",
      ops: DB_OPS,
      run: async (i) => {
        const ctx = await createRequestContext(services, credentials(i, "dialect-a"));
        return createCaller({ ...ctx, requestProblems: [], viewFields: DOOR_VIEW_FIELDS["dialect-a"] }).me.update({
          bio: bio(),
        });
      },
    },
    {
      name: "users.update, dialect C's document (names + own email)",
      ops: DB_OPS,
      run: async (i) => {
        const ctx = await createRequestContext(services, credentials(i, "dialect-c"));
        const email = users[i % users.length]!.email;
        return createCaller({ ...ctx, requestProblems: [] }).users.update({
          userId: ctx.session!.userId,
          changes: { firstName: `Bench${letters()}`, lastName: "User", email },
        });
      },
    },
    {
      name: "users.update, names only (dialect E's context)",
      ops: DB_OPS,
      run: async (i) => {
        const ctx = await createRequestContext(services, credentials(i, "dialect-e"));
        return createCaller({ ...ctx, requestProblems: [] }).users.update({
          userId: ctx.session!.userId,
          changes: { firstName: `Bench${letters()}`, lastName: "User" },
        });
      },
    },
    {
      name: "users.update, names only, dialect E's narrowed view",
      ops: DB_OPS,
      run: async (i) => {
        const ctx = await createRequestContext(services, credentials(i, "dialect-e"));
        return createCaller({ ...ctx, requestProblems: [], viewFields: DOOR_VIEW_FIELDS["dialect-e"] }).users.update({
          userId: ctx.session!.userId,
          changes: { firstName: `Bench${letters()}`, lastName: "User" },
        });
      },
    },
  ];
  if (PART !== "stages") {
    const results = await runAll(`The update on ${KIND} (one request at a time, ${USERS} users in rotation)`, db);
    const floor = results.get(db[0]!.name)!;
    for (const scenario of db.slice(1)) {
      const door = results.get(scenario.name)!;
      console.log(
        `${scenario.name}: Node CPU +${(door.cpu - floor.cpu).toFixed(0)} µs over the floor; floor ÷ door CPU ${((100 * floor.cpu) / door.cpu).toFixed(0)} %, wall ${((100 * floor.wall) / door.wall).toFixed(0)} %`,
      );
    }
  }

  /** The text of a real update statement (what the driver names on every execution). */
  async function sampleUpdateStatementText(): Promise<string> {
    let text = "";
    const spy = new Proxy(services.db, {
      get(target, key, receiver) {
        if (key === "$queryRaw") {
          return (query: Prisma.Sql) => {
            text = query.sql;
            return Reflect.get(target, key, receiver).call(target, query);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const spied = createAppServices({ db: spy, config: TEST_CONFIG });
    await createCaller(await createRequestContext(spied, credentials(0, "trpc"))).me.update({ bio: "sample" });
    return text;
  }
} finally {
  await database.close();
}
