import { createIssue, type Issue } from "./problems/issue";

/**
 * Input that no database column can hold, checked in ONE place for every door: the router checks
 * each procedure's raw input with `unstorableInputIssues` before any schema runs, and the shared
 * schemas refine their strings with `isStorableText` (so the settings UI says the same).
 *
 * - a NUL character (`\u0000`): PostgreSQL refuses it in `text` and `jsonb`;
 * - a lone UTF-16 surrogate (`\ud800`): not Unicode text (it would be stored as `�` in text, and
 *   `jsonb` refuses it);
 * - nesting deeper than `INPUT_MAX_DEPTH`: recursive validators (zod's `z.json()`) and
 *   `JSON.stringify` would overflow the stack long before `JSON.parse` does.
 */

/** Deepest nesting of any request's input (metadata itself: `METADATA_MAX_DEPTH`, 32). */
export const INPUT_MAX_DEPTH = 64;
/** At most this many character problems are listed in one answer. */
const MAX_ISSUES = 20;

// eslint-disable-next-line no-control-regex -- the NUL character is exactly what it looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as text: no NUL character, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The deepest nesting of a JSON-like value, counted without recursion (stops past `limit`). */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}

const joinPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Every string or key of an untrusted value that cannot be stored (`invalid_characters`, at the
 * string's path, or at the object holding a bad key), and nesting beyond `maxDepth`
 * (`too_deeply_nested`, at the top-level key holding it). Iterative: never overflows.
 */
export function unstorableInputIssues(value: unknown, maxDepth = INPUT_MAX_DEPTH): Issue[] {
  return isStorableInput(value, maxDepth) ? [] : unstorableIssues(value, maxDepth);
}

/**
 * Whether `unstorableInputIssues` finds nothing, without building a path: the same walk, which stops
 * at the first bad string or key, or at an object `maxDepth` deep (the common answer, "nothing", costs
 * one pass over the values and no strings).
 */
function isStorableInput(value: unknown, maxDepth: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return false;
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return false;
    for (const key of Object.keys(current)) {
      if (!isStorableText(key)) return false;
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

function unstorableIssues(value: unknown, maxDepth: number): Issue[] {
  const issues: Issue[] = [];
  const stack: [unknown, string, number][] = [[value, "", 0]];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [current, path, depth] = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) issues.push(createIssue(path, "invalid_characters"));
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) {
      issues.push(createIssue(path.split(".")[0] ?? "", "too_deeply_nested", { maximum: maxDepth }));
      break;
    }
    let badKey = false;
    for (const [key, child] of Object.entries(current)) {
      if (!isStorableText(key)) badKey = true;
      else stack.push([child, joinPath(path, key), depth + 1]);
    }
    if (badKey) issues.push(createIssue(path, "invalid_characters"));
  }
  return issues;
}
