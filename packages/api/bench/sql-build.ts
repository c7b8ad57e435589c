// `npx tsx packages/api/bench/sql-build.ts`: the Node CPU of building the update statement (no
// database): `planUpdate` + `buildUpdateStatement` + what Prisma reads of it (`.sql`, `.text`),
// for door A's and tRPC `me.update`'s typical plans. A report, no asserts; prints µs per build.
import { type UserUpdate } from "@profilehub/validators";

import { planUpdate } from "../src/services/users/update-plan";
import { buildUpdateStatement, type UpdateStatementInput } from "../src/services/users/update-statement";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const OPS = Number(process.env.BENCH_STAGE_OPS ?? 20000);

const session = {
  userId: "7b6d1c9e-1f3a-4a8e-9f65-2f1b2d0c9e11",
  userNumber: 12,
  projectId: "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
  sessionId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
};

function input(update: UserUpdate, i: number): UpdateStatementInput {
  return {
    target: { id: session.userId },
    projectId: session.projectId,
    session,
    serverAccess: false,
    plan: planUpdate(update, {}),
    audit: {
      door: "dialect-a",
      requestId: `bench-${i}`,
      action: "user.update",
      client: { ip: "127.0.0.1", userAgent: "bench" },
    },
    webhook: { mode: "refuse" },
  };
}

/** Reads the text as the driver does (a rope is flattened on first read). */
const flat = (text: string) => text.charCodeAt(text.length - 1);

const scenarios: { name: string; run: (i: number) => unknown }[] = [
  {
    name: "door A: {userMetadataPatch} plan + build + .sql + .text",
    run: (i) => {
      const statement = buildUpdateStatement(input({ userMetadataPatch: { theme: `t${i}` } }, i));
      return flat(statement.sql) + flat(statement.text) + statement.values.length;
    },
  },
  {
    name: "me.update: {bio} plan + build + .sql + .text",
    run: (i) => {
      const statement = buildUpdateStatement(input({ bio: `Bench ${i}` }, i));
      return flat(statement.sql) + flat(statement.text) + statement.values.length;
    },
  },
  {
    name: "me.update: {bio} plan + build only",
    run: (i) => buildUpdateStatement(input({ bio: `Bench ${i}` }, i)).values.length,
  },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
let sink = 0;
const samples = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
for (let round = -2; round < ROUNDS; round++) {
  for (const scenario of scenarios) {
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < OPS; i++) sink += Number(scenario.run(i)) || 0;
    const cpu = process.cpuUsage(cpu0);
    if (round >= 0) samples.get(scenario.name)!.push((cpu.user + cpu.system) / OPS);
  }
}
for (const [name, list] of samples) {
  console.log(`${name.padEnd(58)} ${median(list).toFixed(2).padStart(8)} µs (min ${Math.min(...list).toFixed(2)})`);
}
if (sink === 42) console.log(sink);
