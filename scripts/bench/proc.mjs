// Reading processes from /proc: CPU time (utime + stime) and resident memory, so the bench can
// charge each load run the CPU the server and the database spent on it.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux everywhere). */
const TICK_MS = 10;

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // the process has exited
  }
}

/** CPU milliseconds (user + system) the process has used so far, or `null` if it is gone. */
export function cpuMs(pid) {
  const fields = statFields(pid);
  if (!fields) return null;
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The process and all its descendants. */
export function processTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(entry));
  }
  const tree = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop();
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU milliseconds of each listed process that is still alive. */
export function cpuByPid(pids) {
  const byPid = new Map();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) byPid.set(pid, ms);
  }
  return byPid;
}

/**
 * CPU spent between two readings: every process alive at the end, minus what it had used at the
 * start (a process started in between counts whole). A process that exited in between is lost.
 */
export function cpuDelta(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident set size in MB, or NaN if the process is gone. */
export function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}
