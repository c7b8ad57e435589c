import { createHash } from "node:crypto";

/** A lowercase version-4 UUID: the only project ids Stack Auth's SDK accepts. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const isStackProjectId = (value: string) => UUID_V4.test(value);

/**
 * The UUID a project answers to on Stack Auth's door (the SDK requires one): the project id itself
 * when it is a v4 UUID, else a v4-shaped UUID derived from it —
 * `sha256("profilehub:stack-project-id:" + id)`, first 32 hex digits, version `4`, variant `8`.
 * Derived, so an access token can carry it and a request be checked against it without a query;
 * stored in `projects."stackProjectId"` (unique) to find the project from it. The migration
 * `stack_project_id` computes the same in SQL for existing rows.
 */
export function stackProjectIdOf(projectId: string): string {
  if (isStackProjectId(projectId)) return projectId;
  let derived = derivedIds.get(projectId);
  if (derived === undefined) {
    derived = derive(projectId);
    if (derivedIds.size >= MEMO_SIZE) derivedIds.clear();
    derivedIds.set(projectId, derived);
  }
  return derived;
}

/** Every access token's check derives its project's UUID: memoized (projects are few). */
const MEMO_SIZE = 1024;
const derivedIds = new Map<string, string>();

function derive(projectId: string): string {
  const hex = createHash("sha256").update(`profilehub:stack-project-id:${projectId}`, "utf8").digest("hex");
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17, 32)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}

/** Whether a project named by a request (its id or its Stack UUID) is the given project. */
export const namesProject = (named: string, projectId: string) =>
  named === projectId || (isStackProjectId(named) && named === stackProjectIdOf(projectId));
