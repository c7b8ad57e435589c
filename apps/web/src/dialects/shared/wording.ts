import { type Issue, PROBLEM_CODES, type ProblemCode, renderProblem } from "@profilehub/validators";

import { type DialectFields, dialectPathOf } from "./fields";

/** How a dialect words one kind of problem; `path` is already in the dialect's own names. */
export type Wording<C extends ProblemCode = ProblemCode> = (issue: Extract<Issue, { code: C }>, path: string) => string;

/** A wording that fits every code (it reads only what all issues have). */
export type AnyWording = (issue: Issue, path: string) => string;

/** A dialect's wording of every problem code: a code it does not word is a compile error. */
export type IssueWording = { [C in ProblemCode]: Wording<C> };

/**
 * ProfileHub's English sentence for every code, with canonical field names inside sentences
 * ("Send either password or passwordHash…") spelled the dialect's way. Dialects whose documents
 * give no wording of their own start from it and override what their documents word.
 */
export function standardWording(fields: DialectFields<string>): IssueWording {
  const name = (canonical: string) => fields.dialectPath(canonical);
  const standard: AnyWording = (issue) => renderProblem(issue, "en", { name });
  return Object.fromEntries(PROBLEM_CODES.map((code) => [code, standard])) as IssueWording;
}

/** One issue in a dialect's wording. */
export function word(wording: IssueWording, fields: DialectFields<string>, issue: Issue): string {
  const render = wording[issue.code] as AnyWording;
  return render(issue, dialectPathOf(fields, issue));
}

/** The same wording, each sentence led by the field it is about (`bio: Bio is too long …`). */
export function ledByField(wording: IssueWording): IssueWording {
  const entries = Object.entries(wording) as [ProblemCode, AnyWording][];
  const led =
    (render: AnyWording): AnyWording =>
    (issue, path) =>
      path ? `${path}: ${render(issue, path)}` : render(issue, path);
  return Object.fromEntries(entries.map(([code, render]) => [code, led(render)])) as IssueWording;
}
