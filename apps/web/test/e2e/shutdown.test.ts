import { startSmtpServer, type TestSmtpServer } from "@profilehub/api/testing";
import { openDatabase } from "@profilehub/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseTargets } from "./database-targets";
import { type Outcome, send } from "./load-client";
import { http, type RunningServer, startServer } from "./running-server";

const targets = databaseTargets("shutdown");

const USERS = 6;

describe.each(targets)("SIGTERM while serving, on $name", (target) => {
  let smtp: TestSmtpServer;
  let env: Record<string, string>;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer({ delayMs: 200 }); // each mail takes a while: a batch is in flight at SIGTERM
    env = { ...(await target.env()), SMTP_URL: smtp.url };
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await target.cleanup();
  });

  it("finishes the requests in flight, refuses new ones, sends no mail twice and exits 0 within 10 s", async () => {
    const first = await startServer(env);
    const call = http(first.baseUrl);
    const users: { email: string; token: string }[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const email = `load${i}@example.com`;
      const signup = await call("POST", "/api/auth/signup", { body: { email, password: "correct horse" } });
      users.push({ email, token: signup.json.accessToken as string });
    }

    // Load: each user's metadata counter goes up one acknowledged write at a time, and sign-ups
    // keep queueing mail. Every request has its own id and connection.
    const sent = new Map<string, Outcome>();
    const lastAcked = new Map<string, number>();
    const signedUp: string[] = [];
    let requestNumber = 0;
    const loadRequest = async (method: string, route: string, headers: Record<string, string>, body: unknown) => {
      const id = `load-${(requestNumber += 1)}`;
      const outcome = await send(first.baseUrl, method, route, { headers: { ...headers, "x-request-id": id }, body });
      sent.set(id, outcome);
      return outcome;
    };
    const updater = async (user: (typeof users)[number]) => {
      for (let seq = 1; ; seq += 1) {
        const outcome = await loadRequest(
          "PUT",
          "/api/v3/auth/user",
          { authorization: `Bearer ${user.token}` },
          {
            data: { seq },
          },
        );
        if (outcome.kind !== "complete") return;
        if (outcome.status === 200) lastAcked.set(user.email, seq);
      }
    };
    const signer = async () => {
      for (let n = 0; ; n += 1) {
        const email = `late${n}@example.com`;
        const outcome = await loadRequest("POST", "/api/auth/signup", {}, { email, password: "correct horse" });
        if (outcome.kind !== "complete") return;
        if (outcome.status === 201) signedUp.push(email);
      }
    };
    const load = Promise.all([...users.map(updater), signer()]);

    // SIGTERM once the load runs and mail is going out.
    while (sent.size < 40 || smtp.mails.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    const sigtermAt = Date.now();
    process.kill(first.pid, "SIGTERM");
    await first.exited;
    const exitedAt = Date.now();
    await load;

    const count = (kind: Outcome["kind"]) => [...sent.values()].filter((outcome) => outcome.kind === kind).length;
    console.log(
      `[shutdown] ${sent.size} requests: ${count("complete")} complete, ${count("not-served")} not served, ` +
        `${count("cut")} cut; exit ${exitedAt - sigtermAt} ms after SIGTERM; ${smtp.mails.length} mails sent by then`,
    );
    // Exit: 0 (checked by stop()) and within 10 s.
    expect(exitedAt - sigtermAt).toBeLessThan(10_000);
    await first.stop({ keepData: true });

    // Every request got a complete answer or was never served; requests running at SIGTERM finished.
    const outcomes = [...sent.values()];
    expect(outcomes.filter((outcome) => outcome.kind === "cut")).toEqual([]);
    expect(outcomes.some((outcome) => outcome.kind === "not-served")).toBe(true);
    const spanning = outcomes.filter(
      (outcome) => outcome.kind === "complete" && outcome.startedAt < sigtermAt && outcome.endedAt > sigtermAt,
    );
    expect(spanning.length).toBeGreaterThan(0);
    // What the server started, it answered in full: its log names only requests the client saw complete.
    const logged = first.logLines().filter((line) => line.msg === "request" && line.reqId.startsWith("load-"));
    expect(logged.filter((line) => line.aborted)).toEqual([]);
    for (const line of logged) expect(sent.get(line.reqId)?.kind).toBe("complete");
    expect(first.logLines().find((line) => line.msg === "stopped")).toMatchObject({ clean: true });

    // Every acknowledged write is in the database, and nothing else: each counter is at its last
    // acknowledged value. No mail is left claimed: the batch being sent was finished or released.
    const database = await openDatabase({ url: target.url(first.dataDir) });
    try {
      const rows = await database.db.user.findMany({ select: { email: true, userMetadata: true } });
      const stored = new Map(rows.map((row) => [row.email, row.userMetadata as { seq?: number }]));
      for (const [email, seq] of lastAcked) expect(stored.get(email)?.seq).toBe(seq);
      for (const email of signedUp) expect(stored.has(email)).toBe(true);
      const claimed = await database.db.outboxMail.count({
        where: { sentAt: null, lockedUntil: { gt: new Date() } },
      });
      expect(claimed).toBe(0);
    } finally {
      await database.close();
    }

    // A new instance on the same data sends what was left, and no mail arrives twice.
    server = await startServer(env, { dataDir: first.dataDir });
    const expected = USERS + signedUp.length; // one verification mail per sign-up
    await smtp.waitFor(expected, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a duplicate to show
    const ids = smtp.mails.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected);
  }, 600_000);
});
