import { describeError } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";

/**
 * When a dialect refuses a request by its own documented rules, it still asks the router to check
 * the rest without writing (`validateUpdate`): the router decides first who may write (its errors
 * are rethrown), then returns its own issues, so the answer lists every problem at once.
 */
export async function routerIssues(check: () => Promise<unknown>): Promise<Issue[]> {
  try {
    await check();
    return [];
  } catch (error) {
    const { reason, issues } = describeError(error);
    if (reason === "validation" || (reason === "conflict" && issues.length > 0)) return issues;
    throw error;
  }
}
