import { appError } from "@profilehub/api";
import type { Issue } from "@profilehub/validators";
import { defineRoute, type RouteArgs } from "@/server/http/define-route";
import { dialectIssues } from "../shared/fields";
import { routerIssues } from "../shared/router-check";
import { formJsonFields } from "./contract";
import { formJsonDoor } from "./door";
import { parseFormJson, type FormJsonRequest } from "./request";
import { formJsonCurrent, formJsonUpdated } from "./response";

type Caller = RouteArgs<unknown>["caller"];

/** Input problems are only reported to a live session: anyone else is told "Unauthorized" first. */
async function invalid(caller: Caller, message: string, issues: Issue[]): Promise<never> {
  await caller.me.get();
  throw appError("validation", message, issues);
}

/** Dialect C's own problems, completed with the router's (checked without writing): all at once. */
async function rejectParsed(caller: Caller, parsed: FormJsonRequest): Promise<never> {
  const reported = new Set(parsed.issues.map((issue) => issue.path));
  const others = dialectIssues(formJsonFields, await routerIssues(() => caller.me.validateUpdate(parsed.changes)));
  const issues = [...parsed.issues, ...others.filter((issue) => !reported.has(issue.path))];
  throw appError("validation", issues[0]!.message, issues);
}

/** `GET /api/user/update`: the signed-in user in the same envelope. */
export const getFormJsonUser = defineRoute(formJsonDoor, async ({ caller }) => formJsonCurrent(await caller.me.get()));

/** `PUT /api/user/update`: name, surname, email (applied at once, unverified), description. */
export const updateFormJsonUser = defineRoute(formJsonDoor, async ({ caller, ctx, body }) => {
  const parsed = parseFormJson(body);
  if ("problem" in parsed) return invalid(caller, parsed.problem, [{ path: "", message: parsed.problem }]);
  if (parsed.issues.length > 0) return rejectParsed(caller, parsed);
  return formJsonUpdated(await caller.users.update({ userId: ctx.session?.userId, changes: parsed.changes }));
});
