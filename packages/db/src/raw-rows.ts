import {
  type ArgType,
  type ColumnType,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

import type { Prisma, PrismaClient } from "./generated/prisma/client";

/**
 * Hot-path statements straight through the client's own driver adapter: the same pool (or the
 * same PGlite), the same prepared-statement names, the same adapter errors, and rows decoded as
 * `$queryRaw` decodes them — without Prisma's raw-query pipeline around it, which serializes every
 * parameter to JSON and back, runs its query interpreter and converts every value twice (measured:
 * ~150 µs of Node CPU per statement for a 3-parameter, 3-column statement, ~230 µs for the update
 * path's 14 parameters and 13 columns; docs/performance.md).
 */

/**
 * The direct path of a client, kept on the client itself under a global symbol: a bundle may hold
 * several copies of this module (Next puts `packages/db` in more than one server chunk), so the
 * module's own state would not be seen by the copy `queryRows` runs in.
 */
const DIRECT_ROWS = Symbol.for("profilehub.db.directRows");

interface DirectRows {
  /** The client the path belongs to: a transaction's client (a proxy over it) is another object. */
  client: object;
  adapter: () => Promise<SqlDriverAdapter>;
}

type WithDirectRows = { [DIRECT_ROWS]?: DirectRows };

/**
 * Lets `queryRows` run `client`'s statements through a connection of `factory` (the factory the
 * client was built with, so the same pool or PGlite). Opened on first use.
 */
export function enableDirectRows(client: PrismaClient, factory: SqlDriverAdapterFactory): void {
  let adapter: Promise<SqlDriverAdapter> | undefined;
  const direct: DirectRows = {
    client,
    adapter: () => {
      adapter ??= factory.connect();
      return adapter;
    },
  };
  Object.defineProperty(client, DIRECT_ROWS, { value: direct, enumerable: false });
}

/**
 * Runs `statement` and returns its rows as `db.$queryRaw(statement)` would. Only on a client opened
 * by `openDatabase`: any other (a transaction's client included, which forwards unknown properties
 * to the client it wraps) takes `$queryRaw` itself, so a statement never leaves the transaction it
 * was issued in.
 */
export async function queryRows<T>(db: PrismaClient, statement: Prisma.Sql): Promise<T[]> {
  const direct = (db as WithDirectRows)[DIRECT_ROWS];
  if (!direct || direct.client !== db) return db.$queryRaw<T[]>(statement);
  const values = statement.values;
  const result = await (
    await direct.adapter()
  ).queryRaw({ sql: statement.text, args: values.map(argumentOf), argTypes: values.map(argTypeOf) });
  return rowsOf<T>(result);
}

/** A parameter as Prisma's raw pipeline hands it to the adapter. */
function argumentOf(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(argumentOf);
  if (value === null || typeof value !== "object" || value instanceof Date || ArrayBuffer.isView(value)) return value;
  return JSON.stringify(value);
}

const SCALAR: ArgType = { scalarType: "unknown", arity: "scalar" };
function argTypeOf(value: unknown): ArgType {
  if (Array.isArray(value)) return { scalarType: "unknown", arity: "list" };
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  if (typeof value === "bigint") return { scalarType: "bigint", arity: "scalar" };
  return SCALAR;
}

const asIs = (value: unknown) => value;
const toDate = (value: unknown) => new Date(value as string);
const toBigInt = (value: unknown) => BigInt(value as string | number);
const toBoolean = (value: unknown) =>
  typeof value === "string" ? value === "true" || value === "1" : value === true || value === 1;
const arrayOf = (decode: (value: unknown) => unknown) => (value: unknown) =>
  (value as unknown[]).map((item) => (item === null ? null : decode(item)));

/** How `$queryRaw` turns each column type into a JavaScript value (types it returns as they are omitted). */
const DECODERS: Partial<Record<ColumnType, (value: unknown) => unknown>> = {
  [ColumnTypeEnum.Int32]: (value) => Math.trunc(Number(value)),
  [ColumnTypeEnum.Int64]: toBigInt,
  [ColumnTypeEnum.Boolean]: toBoolean,
  [ColumnTypeEnum.Json]: (value): unknown => JSON.parse(value as string),
  [ColumnTypeEnum.DateTime]: toDate,
  [ColumnTypeEnum.Date]: toDate,
  [ColumnTypeEnum.Int32Array]: arrayOf((value) => Math.trunc(Number(value))),
  [ColumnTypeEnum.Int64Array]: arrayOf(toBigInt),
  [ColumnTypeEnum.BooleanArray]: arrayOf(toBoolean),
  [ColumnTypeEnum.JsonArray]: arrayOf((value): unknown => JSON.parse(value as string)),
  [ColumnTypeEnum.DateTimeArray]: arrayOf(toDate),
  [ColumnTypeEnum.DateArray]: arrayOf(toDate),
};

/** Types `$queryRaw` turns into objects of its own (`Decimal`, bytes, times): not on this path. */
const UNSUPPORTED: ReadonlySet<ColumnType> = new Set<ColumnType>([
  ColumnTypeEnum.Numeric,
  ColumnTypeEnum.NumericArray,
  ColumnTypeEnum.Bytes,
  ColumnTypeEnum.BytesArray,
  ColumnTypeEnum.Time,
  ColumnTypeEnum.TimeArray,
]);

function rowsOf<T>(result: SqlResultSet): T[] {
  const { columnNames, columnTypes } = result;
  const decoders = columnTypes.map((type, index) => {
    if (UNSUPPORTED.has(type)) throw new TypeError(`queryRows: column "${columnNames[index]}" has type ${type}`);
    return DECODERS[type] ?? asIs;
  });
  return result.rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let index = 0; index < columnNames.length; index++) {
      const value = row[index];
      record[columnNames[index] as string] =
        value === null ? null : (decoders[index] as (v: unknown) => unknown)(value);
    }
    return record as T;
  });
}
