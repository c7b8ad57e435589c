import type { z } from "zod";

/** One validation problem: a dotted path to the field (`""` for the whole input) and a readable message. */
export interface Issue {
  path: string;
  message: string;
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * Flattens a ZodError into `{path, message}` items. An "unrecognized keys" issue becomes one item
 * per key so every offending path is listed.
 */
export function zodIssues(error: z.ZodError): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: issuePath([...issue.path, key]), message: "Unknown field" });
      }
    } else {
      issues.push({ path: issuePath(issue.path), message: issue.message });
    }
  }
  return issues;
}
