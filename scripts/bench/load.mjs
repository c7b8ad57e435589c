// One load run: autocannon on loopback for a bounded time, each request taking the next user in
// turn (so at most `connections` consecutive users are in flight, never one user twice), and the
// CPU the server's process tree and the database's backends spent meanwhile, per request.
import { Agent, request as httpRequest } from "node:http";
import autocannon from "autocannon";

import { letters } from "./doors.mjs";
import { cpuByPid, cpuDelta, processTree, rssMb } from "./proc.mjs";

// One sequence for the whole bench: every request's value differs from the row's current one.
let sequence = 0;

/**
 * Loads `scenario` on `target` ({server, users, dbPids?}) for `seconds`. `hot`: every request on
 * the first user (one row, all connections queue on its lock). Resolves to the run's figures.
 */
export async function loadRun(target, scenario, { connections, seconds, hot = false }) {
  const { server, users } = target;
  const setupRequest = (request) => {
    const current = sequence++;
    const user = hot ? users[0] : users[current % users.length];
    return { ...request, ...scenario.request(user, letters(current)) };
  };
  const dbBefore = target.dbPids ? cpuByPid(await target.dbPids()) : null;
  const serverBefore = cpuByPid(processTree(server.rootPid));
  const rssBefore = rssMb(server.serverPid);
  const benchBefore = process.cpuUsage();
  const result = await autocannon({
    url: server.base,
    connections,
    duration: seconds,
    requests: [{ setupRequest }],
  });
  const bench = process.cpuUsage(benchBefore);
  const serverCpu = cpuDelta(serverBefore, cpuByPid(processTree(server.rootPid)));
  const dbCpu = dbBefore ? cpuDelta(dbBefore, cpuByPid(await target.dbPids())) : null;
  const count = Math.max(1, result.requests.total);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    serverCpuMs: serverCpu / count,
    dbCpuMs: dbCpu === null ? null : dbCpu / count,
    loaderCpuMs: (bench.user + bench.system) / 1000 / count,
    rssBefore,
    rssAfter: rssMb(server.serverPid),
  };
}

/** One request of the scenario for the first user: `null` if it succeeds, else why not. */
export async function probe(target, scenario) {
  const { method, path, headers, body } = scenario.request(target.users[0], letters(sequence++));
  const response = await fetch(`${target.server.base}${path}`, { method, headers, body });
  return response.ok ? null : `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
}

/** One request on `agent`, resolved (status, elapsed ms) once the whole answer has arrived. */
function timedRequest(agent, base, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // A declared length, as autocannon and browsers send a body this size (not chunked).
    const sized = body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) };
    const request = httpRequest(new URL(path, base), { method, headers: sized, agent }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * The unloaded latency: one request at a time on one kept-alive connection for `seconds`, each for
 * the next user in turn, timed to the microsecond (autocannon's histogram keeps whole
 * milliseconds, too coarse for a 1–2 ms answer). Resolves to each answer's time in ms, and the errors.
 */
export async function unloadedRun(target, scenario, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  try {
    while (Date.now() < until) {
      const current = sequence++;
      const user = target.users[current % target.users.length];
      const { status, ms } = await timedRequest(agent, target.server.base, scenario.request(user, letters(current)));
      if (status >= 200 && status < 300) times.push(ms);
      else errors++;
    }
  } finally {
    agent.destroy();
  }
  return { times, errors };
}
