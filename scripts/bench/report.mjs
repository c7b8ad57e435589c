// Turns the rounds' runs into one line per endpoint (medians over the rounds, ratios to the floor
// of the same round with their range) and prints the tables.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const cpuOf = (run) => run.serverCpuMs + (run.dbCpuMs ?? 0);

const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * `rounds`: one Map per round, scenario key → run. `unloaded`: key → median ms, one request at a time.
 * Ratios are per round (door ÷ its floor in that round), then their median and range.
 */
export function summarize(scenarios, rounds, unloaded) {
  return scenarios.map((scenario) => {
    if (scenario.error) return scenario;
    const runs = rounds.map((round) => round.get(scenario.key));
    const floor = scenario.vs ? scenarios.find((other) => other.floor === scenario.vs && !other.error) : undefined;
    const perRound = (pick) => rounds.map((round) => pick(round.get(scenario.key), round.get(floor.key)));
    const of = (field) => median(runs.map((run) => run[field]));
    return {
      ...scenario,
      rps: of("rps"),
      p50: of("p50"),
      p99: of("p99"),
      serverCpuMs: of("serverCpuMs"),
      dbCpuMs: runs[0].dbCpuMs === null ? null : of("dbCpuMs"),
      loaderCpuMs: of("loaderCpuMs"),
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
      rss: [runs[0].rssBefore, runs.at(-1).rssAfter],
      unloadedP50: unloaded.get(scenario.key),
      ratio: floor ? spread(perRound((run, base) => run.rps / base.rps)) : null,
      p99Ratio: floor ? median(perRound((run, base) => run.p99 / base.p99)) : null,
      unloadedRatio: floor && unloaded.get(floor.key) ? unloaded.get(scenario.key) / unloaded.get(floor.key) : null,
      // CPU per request (server + PostgreSQL), floor ÷ door: the ratio a CPU-bound machine would
      // show, and much steadier than req/s when other work shares the cores.
      cpuRatio: floor ? median(perRound((run, base) => cpuOf(base) / cpuOf(run))) : null,
    };
  });
}

const pct = (value) => (value * 100).toFixed(0);
const fixed = (value, digits) => (value === null || value === undefined ? "—" : value.toFixed(digits));

const COLUMNS =
  "endpoint                              req/s  p50 ms  p99 ms  p99÷floor  unloaded p50 ms (÷floor)  vs floor (range)  server CPU ms/req  PG CPU ms/req  floor÷CPU  RSS MB before→after  errors";

function line(row) {
  if (row.error) return `${row.name.padEnd(36)}  not measured: ${row.error}`;
  const ratio = row.ratio ? `${pct(row.ratio.median)} % (${pct(row.ratio.min)}–${pct(row.ratio.max)})` : "—";
  return [
    row.name.padEnd(36),
    fixed(row.rps, 0).padStart(6),
    String(row.p50).padStart(7),
    String(row.p99).padStart(7),
    (row.p99Ratio === null ? "—" : `${row.p99Ratio.toFixed(2)}×`).padStart(10),
    `${fixed(row.unloadedP50, 2)}${row.unloadedRatio === null ? "" : ` (${row.unloadedRatio.toFixed(2)}×)`}`.padStart(
      25,
    ),
    ratio.padStart(17),
    fixed(row.serverCpuMs, 2).padStart(18),
    fixed(row.dbCpuMs, 2).padStart(14),
    (row.cpuRatio === null ? "—" : `${pct(row.cpuRatio)} %`).padStart(10),
    `${row.rss[0]} → ${row.rss[1]}`.padStart(20),
    String(row.errors).padStart(7),
  ].join(" ");
}

/** The rotating workload's table. */
export function printTable(title, rows, settings, rss) {
  console.log(
    `\n${title} — ${settings.users} users in rotation, ${settings.connections} connections, ` +
      `${settings.rounds} rounds × ${settings.seconds} s (medians over rounds); server RSS ${rss.join(" → ")} MB`,
  );
  console.log(COLUMNS);
  for (const row of rows) console.log(line(row));
  const loader = rows.filter((row) => !row.error).map((row) => row.loaderCpuMs);
  if (loader.length > 0) {
    console.log(
      `(the load generator used ${Math.min(...loader).toFixed(2)}–${Math.max(...loader).toFixed(2)} ms CPU per request on the same cores)`,
    );
  }
}

/** The hot-row stress line: every connection on one user's row. */
export function printHotRow(title, runs, settings) {
  const [floor, door] = runs;
  const describe = ({ name, run }) =>
    `${name.trim()} ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
    `server ${run.serverCpuMs.toFixed(2)} ms/req${run.dbCpuMs === null ? "" : `, PG ${run.dbCpuMs.toFixed(2)} ms/req`}` +
    `${run.errors ? `, ${run.errors} errors` : ""}`;
  console.log(
    `${title} HOT ROW (stress, not a target: all ${settings.connections} connections on one user, ${settings.seconds} s each): ` +
      `${describe(door)} = ${pct(door.run.rps / floor.run.rps)} % of ${describe(floor)}`,
  );
}
