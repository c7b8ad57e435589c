import type { Prisma } from "@profilehub/db";
import {
  type JsonObject,
  markNarrowed,
  userFieldEntries,
  type UserView,
  type UserViewField,
  type UserViewFields,
  type ViewFormat,
} from "@profilehub/validators";

import { raw } from "../database/sql-template";
import { viewPairs } from "./fields-sql";

type SuspensionRow = { id: string; reason: string; startsAt: string; endsAt: string | null };
type TeamRow = { id: string; displayName: string; createdAt: string };

/**
 * A user as the database hands it over: one JSON object with the fields the caller may see (by
 * the registry's visibility), whether each secret is set, the active suspensions and the
 * selected team. Never the secrets themselves.
 */
export type UserRow = Record<string, unknown> & {
  id: string;
  updatedAt: string;
  suspensions: SuspensionRow[];
  selectedTeam: TeamRow | null;
};

/**
 * Built once per alias and access: the text depends on nothing else (it is ~3 KB of SQL). By
 * access, then alias: a constant alias's hash is cached in the string, a composed key would be
 * hashed afresh on every call.
 */
const projections = { user: new Map<string, Prisma.Sql>(), server: new Map<string, Prisma.Sql>() };
/** The same for narrowed views, per field set (each door's is built once: `userViewFields`). */
const narrowedProjections = new WeakMap<UserViewFields, typeof projections>();

function narrowedCacheOf(only: UserViewFields): typeof projections {
  let cache = narrowedProjections.get(only);
  if (!cache) {
    cache = { user: new Map(), server: new Map() };
    narrowedProjections.set(only, cache);
  }
  return cache;
}

/**
 * SQL for the user under `alias` as ONE JSON column `"user"` (null when the row is absent). One
 * JSON value is far cheaper to ship and decode than forty typed columns. With `only`, the view's
 * fields among those only (a door's narrowed view): less for the database to build and for us to
 * decode.
 */
export function userProjection(alias: string, serverAccess: boolean, only: UserViewFields | null = null): Prisma.Sql {
  const cache = only ? narrowedCacheOf(only) : projections;
  const byAlias = serverAccess ? cache.server : cache.user;
  let projection = byAlias.get(alias);
  if (!projection) {
    projection = buildUserProjection(alias, serverAccess, only);
    byAlias.set(alias, projection);
  }
  return projection;
}

const wanted = (only: UserViewFields | null, field: UserViewField) => !only || only.has(field);

function buildUserProjection(alias: string, serverAccess: boolean, only: UserViewFields | null): Prisma.Sql {
  const pairs = viewPairs(alias, serverAccess, only);
  if (wanted(only, "suspensions")) {
    pairs.push(`'suspensions', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'reason', s.reason, 'startsAt', s."startsAt", 'endsAt', s."endsAt") ORDER BY s."startsAt"), '[]'::json)
        FROM suspensions s
        WHERE s."userId" = ${alias}.id AND s."startsAt" <= now() AND (s."endsAt" IS NULL OR s."endsAt" > now()))`);
  }
  if (wanted(only, "selectedTeam")) {
    pairs.push(`'selectedTeam', (SELECT json_build_object('id', t.id, 'displayName', t."displayName", 'createdAt', t."createdAt")
        FROM teams t WHERE t.id = ${alias}."selectedTeamId")`);
  }
  return raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object(${pairs.join(",\n    ")}) END AS "user"`);
}

const iso = (value: unknown) => new Date(value as string).toISOString();

/** How each view format reads a value from the row's JSON. */
const FORMATS: Record<ViewFormat, (value: unknown) => unknown> = {
  value: (value) => value,
  timestamp: (value) => (value === null || value === undefined ? null : iso(value)),
  /** A `date` column arrives as `YYYY-MM-DD`. */
  date: (value) => (typeof value === "string" ? value.slice(0, 10) : null),
  jsonObject: (value): JsonObject =>
    value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {},
  locale: (value) => (value === "fr" ? "fr" : "en"),
  point: (value) => value ?? null,
};

/**
 * Builds the view field by field from the registry (never by spreading the row), so nothing else
 * can slip out: the fields the caller may see, then whether each secret is set. With `only` (the
 * row was projected with it), those fields only, and the view is marked as narrowed to them.
 */
export function toUserView(row: UserRow, serverAccess: boolean, only: UserViewFields | null = null): UserView {
  const view: Record<string, unknown> = {};
  for (const [name, spec] of userFieldEntries()) {
    const visible = spec.visibility === "user" || (spec.visibility === "server" && serverAccess);
    if (visible && wanted(only, name as UserViewField)) view[name] = FORMATS[spec.view](row[name]);
    if (spec.presence && wanted(only, spec.presence as UserViewField))
      view[spec.presence] = row[spec.presence] === true;
  }
  if (wanted(only, "selectedTeam")) {
    view.selectedTeam = row.selectedTeam
      ? {
          id: row.selectedTeam.id,
          displayName: row.selectedTeam.displayName,
          createdAt: iso(row.selectedTeam.createdAt),
        }
      : null;
  }
  if (wanted(only, "suspensions")) {
    view.suspensions = row.suspensions.map((suspension) => ({
      id: suspension.id,
      reason: suspension.reason,
      startsAt: iso(suspension.startsAt),
      endsAt: suspension.endsAt ? iso(suspension.endsAt) : null,
    }));
  }
  return (only ? markNarrowed(view, only) : view) as UserView;
}
