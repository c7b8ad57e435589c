import { fieldLabel, type Issue } from "@profilehub/validators";

import { dialectPathOf } from "../shared/fields";
import { type IssueWording, standardWording, word } from "../shared/wording";
import { usersByIdFields } from "./contract";

/** `expo_push_token` → `Expo push token` (Rails' `humanize`). */
export const humanize = (key: string) => {
  const words = key.replace(/_/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

const head = (path: string) => path.split(".")[0]!;

/**
 * Rails-style full messages. ProfileHub's sentences are already worded so ("Email has already
 * been taken", "Password is too short (minimum is 8 characters)"); the rest are Rails' own.
 */
const WORDING: IssueWording = {
  ...standardWording(usersByIdFields),
  unknown_field: (_, path) => `${humanize(head(path))} is not a permitted parameter`,
  read_only: (_, path) => `${humanize(head(path))} is read-only`,
  empty: (issue) => `${fieldLabel(issue.path, "en").text} can't be blank`,
  missing_param: (issue) => `param is missing or the value is empty: ${issue.params.param}`,
};

/** An issue as a Rails-style full message on E's path; a problem with no field is on `base`. */
export function fullMessage(issue: Issue): { path: string; message: string } {
  const path = issue.path ? dialectPathOf(usersByIdFields, issue) : "base";
  return { path, message: word(WORDING, usersByIdFields, issue) };
}

const NAMES = usersByIdFields.names as readonly string[];
const rank = (path: string) => {
  if (path === "user") return -1;
  if (path === "base") return NAMES.length + 1;
  const index = NAMES.indexOf(head(path));
  return index < 0 ? NAMES.length : index;
};

/** A stable order: E's fields as documented (email before password), unknown keys, then `base`. */
export function sortErrors<T extends { path: string }>(errors: T[]): T[] {
  return errors
    .map((error, position) => ({ error, position }))
    .sort((a, b) => rank(a.error.path) - rank(b.error.path) || a.position - b.position)
    .map(({ error }) => error);
}
