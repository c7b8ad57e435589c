import type { z } from "zod";

import { isProblemCode, type ProblemCode } from "./codes";
import { createIssue, type Issue, type ParamsArgument } from "./issue";

type ZodIssue = z.core.$ZodIssue;

export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

const FORMAT_CODES: Partial<Record<string, ProblemCode>> = {
  email: "invalid_email",
  uuid: "invalid_uuid",
  url: "invalid_url",
  datetime: "invalid_timestamp",
};

/** The code of a zod issue whose schema named none (`error: "<code>"` names one). */
function defaultCode(issue: ZodIssue): ProblemCode {
  switch (issue.code) {
    case "invalid_type":
      return "invalid_type";
    case "too_small":
      return issue.origin === "string" ? "too_short" : "out_of_range";
    case "too_big":
      return issue.origin === "array" || issue.origin === "set" ? "too_many_items" : "too_long";
    case "invalid_format":
      return FORMAT_CODES[issue.format] ?? "invalid";
    case "invalid_value":
      return "not_one_of";
    default:
      return "invalid";
  }
}

const number = (value: unknown) => (typeof value === "bigint" ? Number(value) : value);

/** What a zod issue knows that a problem's wording may use (bounds, allowed values, the expected type). */
function zodParams(issue: ZodIssue): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if ("minimum" in issue) params.minimum = number(issue.minimum);
  if ("maximum" in issue) params.maximum = number(issue.maximum);
  if (issue.code === "invalid_value") params.values = issue.values.map(String);
  if (issue.code === "invalid_type") params.expected = issue.expected;
  if (issue.code === "custom" && issue.params) Object.assign(params, issue.params);
  return params;
}

function convert(issue: ZodIssue, path: readonly PropertyKey[], out: Issue[]): void {
  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys) out.push(createIssue(issuePath([...path, key]), "unknown_field"));
    return;
  }
  if (issue.code === "invalid_key" || (issue.code === "invalid_element" && issue.issues.length > 0)) {
    for (const inner of issue.issues) convert(inner, [...path, ...inner.path], out);
    return;
  }
  const code = isProblemCode(issue.message) ? issue.message : defaultCode(issue);
  out.push(createIssue(issuePath(path), code, ...([zodParams(issue)] as ParamsArgument<typeof code>)));
}

/**
 * A ZodError as problems. Schemas name their codes (`{ error: "too_long" }`, or a refinement with
 * `params`); zod's own checks map to the matching code. Unrecognized keys give one
 * `unknown_field` per key, so every offending path is listed.
 */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap(problemsOfZodIssue);
}

/** The problems of one zod issue (several for unrecognized keys). */
export function problemsOfZodIssue(issue: ZodIssue): Issue[] {
  const issues: Issue[] = [];
  convert(issue, issue.path, issues);
  return issues;
}

/**
 * The problems of a zod issue of the schema of an object's `key`, as parsing the whole object
 * would have given them (`bio` + `[]` is `bio`), added to `out`.
 */
export function addProblemsOfKeyIssue(key: PropertyKey, issue: ZodIssue, out: Issue[]): void {
  convert(issue, [key, ...issue.path], out);
}
