import type { Issue } from "@profilehub/validators";
import { usersByIdFields } from "./contract";

/** `expo_push_token` → `Expo push token` (Rails' `humanize`). */
export const humanize = (key: string) => {
  const words = key.replace(/_/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

/**
 * A router issue as a Rails-style full message on E's path. The router already words most
 * problems so ("Email has already been taken", "Password is too short (minimum is 8 characters)");
 * the rest are adjusted, and a problem with no field is on `base`.
 */
export function fullMessage(issue: Issue): Issue {
  const path = issue.path ? usersByIdFields.dialectPath(issue.path) : "base";
  const head = path.split(".")[0]!;
  let message = issue.message.replace(/ cannot be empty \(send null to clear it\)$/, " can't be blank");
  if (message === "Unknown field") message = `${humanize(head)} is not a permitted parameter`;
  if (message === "This field is read-only") message = `${humanize(head)} is read-only`;
  return { path, message };
}

const NAMES = usersByIdFields.names as readonly string[];
const rank = (issue: Issue) => {
  if (issue.path === "user") return -1;
  if (issue.path === "base") return NAMES.length + 1;
  const index = NAMES.indexOf(issue.path.split(".")[0]!);
  return index < 0 ? NAMES.length : index;
};

/** A stable order: E's fields as documented (email before password), unknown keys, then `base`. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((issue, position) => ({ issue, position }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.position - b.position)
    .map(({ issue }) => issue);
}
