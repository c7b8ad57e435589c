// `npm run bench:crypto`: the per-request crypto costs of DESIGN §9, measured in-process and
// printed beside their budgets — access-token verification (jose, key imported once) and
// argon2id hashing (on libuv's thread pool, so the event loop keeps turning). A report, no asserts.
import { monitorEventLoopDelay } from "node:perf_hooks";

import { AccessTokens } from "../src/auth/access-token";
import { hashPassword } from "../src/auth/passwords";

const JWT_ROUNDS = Number(process.env.BENCH_JWT_ROUNDS ?? 20_000);
const HASH_ROUNDS = Number(process.env.BENCH_HASH_ROUNDS ?? 20);

async function jwtVerifyMicros(): Promise<number> {
  const tokens = new AccessTokens("bench secret: at least thirty-two characters long");
  const token = await tokens.sign({ sub: crypto.randomUUID(), num: 1, pid: "default", sid: crypto.randomUUID() });
  for (let i = 0; i < 2_000; i++) await tokens.verify(token); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < JWT_ROUNDS; i++) await tokens.verify(token);
  return Number(process.hrtime.bigint() - start) / 1_000 / JWT_ROUNDS;
}

async function argon2Millis(): Promise<{ mean: number; maxLoopDelay: number }> {
  await hashPassword("warm-up password");
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = process.hrtime.bigint();
  for (let i = 0; i < HASH_ROUNDS; i++) await hashPassword(`correct horse battery ${i}`);
  const mean = Number(process.hrtime.bigint() - start) / 1e6 / HASH_ROUNDS;
  delay.disable();
  return { mean, maxLoopDelay: delay.max / 1e6 };
}

const jwt = await jwtVerifyMicros();
const argon2 = await argon2Millis();
const row = (name: string, value: string, budget: string, ok: boolean) =>
  console.log(`${name.padEnd(44)} ${value.padStart(12)} ${budget.padStart(12)}   ${ok ? "within" : "OVER"}`);
console.log("\nCrypto on the hot path (this process, one core)");
console.log(`${"measure".padEnd(44)} ${"value".padStart(12)} ${"budget".padStart(12)}`);
row(`access-token verify (mean of ${JWT_ROUNDS})`, `${jwt.toFixed(1)} µs`, "50 µs", jwt <= 50);
row(
  `argon2id hash m=19456 t=2 p=1 (mean of ${HASH_ROUNDS})`,
  `${argon2.mean.toFixed(1)} ms`,
  "15 ms",
  argon2.mean <= 15,
);
row("event-loop delay while hashing (max)", `${argon2.maxLoopDelay.toFixed(1)} ms`, "—", true);
