import { Prisma } from "@profilehub/db";

/**
 * `sql` is `Prisma.sql` without the per-request work: the same `Prisma.Sql` (same `strings`,
 * `values`, `sql`, `text`), built lazily and with its text cached per shape.
 *
 * `Prisma.sql` flattens every nested fragment into a fresh pair of arrays at each level of nesting
 * and concatenates its strings again, and Prisma reads `.sql` and `.text` of the whole statement,
 * each built anew: for the update statement (~4 KB, ~40 fragments) that is most of the cost of
 * building it. A `sql` fragment instead just records its template site and what was interpolated;
 * when read, the tree is walked once, its values collected in order, and its text looked up by a
 * key naming each template site (a frozen strings array, so its identity fixes its text) and
 * where a value sits. The key is made of exactly what the text is made of, so a cached text is
 * the one flattening would build (`sql-template.test.ts` compares them).
 *
 * Interpolated `Prisma.Sql` values (not built by `sql`) are keyed by their strings' content.
 * Everything else interpolated is a parameter, as with `Prisma.sql`.
 */

/** The flat text of one shape, as `Prisma.Sql` would build it. */
interface Shape {
  /** The key: the walk's sequence (see `walk`). */
  key: Int32Array;
  strings: string[];
  sql: string;
  text: string;
  statement: string;
}

/** Bounds: past them the maps start over (ids are never reused, so no stale key can match). */
const MAX_SHAPES = 1024;
const MAX_CONTENTS = 4096;

let nextId = 0;
/** Ids of template sites (frozen strings arrays): identity fixes the text. */
const siteIds = new WeakMap<readonly string[], number>();
/** Ids of interpolated `Prisma.Sql` fragments' strings, by content. */
const contentIds = new Map<string, number>();
/** Shapes by their key's hash (a list: two keys may share a hash; the key itself is compared). */
const shapes = new Map<number, Shape[]>();
let shapeCount = 0;

function siteId(strings: readonly string[]): number {
  let id = siteIds.get(strings);
  if (id === undefined) {
    // A frozen array of strings cannot change, so its identity stands for its text.
    if (!Object.isFrozen(strings)) throw new Error("sql-template: a template site must be a frozen strings array");
    id = nextId++;
    siteIds.set(strings, id);
  }
  return id;
}

function contentId(fragment: Prisma.Sql): number {
  const content = JSON.stringify(fragment.strings);
  let id = contentIds.get(content);
  if (id === undefined) {
    if (contentIds.size >= MAX_CONTENTS) contentIds.clear();
    id = nextId++;
    contentIds.set(content, id);
  }
  return id;
}

/** A fragment made by `sql`, `raw` or `join`: a subclass of `Prisma.Sql`, read lazily. */
class TemplateSql extends Prisma.Sql {
  /** The template site and what was interpolated into it (set by `fragment`, not the constructor). */
  declare site: readonly string[];
  declare parts: readonly unknown[];
  declare resolved: { shape: Shape; values: unknown[] } | undefined;

  // @ts-expect-error -- an accessor over the base class's data property: read lazily from the tree.
  override get strings(): string[] {
    return resolve(this).shape.strings;
  }
  // @ts-expect-error -- see `strings`.
  override get values(): unknown[] {
    return resolve(this).values;
  }
  override get sql(): string {
    return resolve(this).shape.sql;
  }
  override get text(): string {
    return resolve(this).shape.text;
  }
  override get statement(): string {
    return resolve(this).shape.statement;
  }
}

function fragment(site: readonly string[], parts: readonly unknown[]): TemplateSql {
  if (site.length !== parts.length + 1) throw new TypeError(`Expected ${site.length - 1} values, got ${parts.length}`);
  const node = Object.create(TemplateSql.prototype) as TemplateSql;
  node.site = site;
  node.parts = parts;
  node.resolved = undefined;
  return node;
}

/** What a part of the walk is (ids are ≥ 0). */
const PARAMETER = -1;
const OPEN = -2;
const CLOSE = -3;
const CONTENT = -4;

/** The key being built (reused: one walk at a time, synchronous). */
let key: number[] = [];
let hash = 0;

function step(id: number): void {
  key.push(id);
  hash = Math.imul(hash ^ id, 0x01000193);
}

/**
 * Walks `node`: pushes its key (each template site's id, then per interpolation `PARAMETER`, a
 * nested fragment's key between `OPEN` and `CLOSE`, or `CONTENT` and a `Prisma.Sql`'s content id)
 * and collects its values, in order.
 */
function walk(node: TemplateSql, values: unknown[]): void {
  step(siteId(node.site));
  const parts = node.parts;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part instanceof TemplateSql) {
      step(OPEN);
      walk(part, values);
      step(CLOSE);
    } else if (part instanceof Prisma.Sql) {
      step(CONTENT);
      step(contentId(part));
      const partValues = part.values;
      for (let value = 0; value < partValues.length; value++) values.push(partValues[value]);
    } else {
      step(PARAMETER);
      values.push(part);
    }
  }
}

function sameKey(a: Int32Array, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The strings of `node`, flattened as `Prisma.Sql` does: the texts around a nested fragment joined
 * to its first and last. `out.done` holds the finished strings, `out.last` the one being built.
 */
function flatStrings(node: TemplateSql, out: { done: string[]; last: string }): void {
  const site = node.site;
  out.last += site[0];
  node.parts.forEach((part, index) => {
    if (part instanceof TemplateSql) flatStrings(part, out);
    else if (part instanceof Prisma.Sql) {
      const strings = part.strings;
      out.last += strings[0];
      for (let i = 1; i < strings.length; i++) {
        out.done.push(out.last);
        out.last = strings[i] as string;
      }
    } else {
      out.done.push(out.last);
      out.last = "";
    }
    out.last += site[index + 1];
  });
}

function resolve(node: TemplateSql): { shape: Shape; values: unknown[] } {
  if (node.resolved) return node.resolved;
  const values: unknown[] = [];
  key.length = 0;
  hash = 0x811c9dc5;
  walk(node, values);
  const list = shapes.get(hash);
  let shape = list?.find((candidate) => sameKey(candidate.key, key));
  if (!shape) {
    const out = { done: [] as string[], last: "" };
    flatStrings(node, out);
    const strings = [...out.done, out.last];
    // Prisma.Sql's own getters over the flat strings (the base class reads `this.strings`).
    const flat = new Prisma.Sql(strings, new Array(strings.length - 1).fill(null));
    shape = {
      key: Int32Array.from(key),
      strings,
      sql: flatten(flat.sql),
      text: flatten(flat.text),
      statement: flatten(flat.statement),
    };
    if (shapeCount >= MAX_SHAPES) {
      shapes.clear();
      shapeCount = 0;
    }
    const same = shapes.get(hash);
    if (same) same.push(shape);
    else shapes.set(hash, [shape]);
    shapeCount += 1;
  }
  if (key.length > 4096) key = [];
  node.resolved = { shape, values };
  return node.resolved;
}

/** A string built by `+=` is a tree of pieces until read: read it once so every reader gets it flat. */
function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

/** `Prisma.sql`, built lazily, with its text cached per shape. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Prisma.Sql {
  return fragment(strings, values);
}

const raws = new Map<string, TemplateSql>();

/**
 * `Prisma.raw`: the text as is (never a request's data). One fragment per text, kept (bounded), so
 * a text seen again costs one lookup.
 */
export function raw(text: string): Prisma.Sql {
  let node = raws.get(text);
  if (!node) {
    if (raws.size >= MAX_CONTENTS) raws.clear();
    node = fragment(Object.freeze([text]), []);
    raws.set(text, node);
  }
  return node;
}

const joinSites = new Map<string, readonly string[]>();

/** `Prisma.join(parts, separator)` (a constant separator). */
export function join(parts: readonly unknown[], separator = ","): Prisma.Sql {
  if (parts.length === 0) throw new TypeError("join: expected at least one part");
  const siteKey = `${parts.length}\u0000${separator}`;
  let site = joinSites.get(siteKey);
  if (!site) {
    site = Object.freeze(["", ...Array<string>(parts.length - 1).fill(separator), ""]);
    if (joinSites.size >= MAX_CONTENTS) joinSites.clear();
    joinSites.set(siteKey, site);
  }
  return fragment(site, parts);
}

/** `Prisma.empty`. */
export const empty: Prisma.Sql = raw("");

/** The same statement flattened eagerly by `Prisma.Sql`, without any cache (tests compare the two). */
export function flattenUncached(fragment: Prisma.Sql): Prisma.Sql {
  if (!(fragment instanceof TemplateSql)) return fragment;
  return new Prisma.Sql(
    [...fragment.site],
    fragment.parts.map((part) => (part instanceof Prisma.Sql ? flattenUncached(part) : part)),
  );
}
