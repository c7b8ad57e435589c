import fc from "fast-check";

import type { Door } from "./doors";

/** Strings a hostile client sends: NUL, lone surrogates, control characters, huge, odd Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\ud83d",
    "😀",
    "\u202e",
    "\r\n",
    "' OR 1=1 --",
    "<script>",
    "../../etc/passwd",
    "%00",
    "",
    " ",
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => "x".repeat(length)),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udc00")).map(([a, b]) => a + b + a),
);

/** Any JSON value, with hostile strings in keys and values. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/**
 * A value nested `depth` levels deep (arrays or objects), kept as a small marker until it is put
 * on the wire (`serialize`): fast-check prints counterexamples recursively.
 */
export interface Deep {
  deep: number;
  arrays: boolean;
  leaf: string;
}
export const deepJson: fc.Arbitrary<Deep> = fc.record({
  deep: fc.integer({ min: 20, max: 10_000 }),
  arrays: fc.boolean(),
  leaf: hostileString,
});

const isDeep = (value: unknown): value is Deep =>
  typeof value === "object" && value !== null && typeof (value as Deep).deep === "number" && "leaf" in value;

/** JSON text of a generated value, deep markers expanded without recursion. */
export function serialize(value: unknown): string {
  const deep: Deep[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!isDeep(item)) return item;
    deep.push(item);
    return `__deep_${deep.length - 1}__`;
  });
  return deep.reduce((result, { deep: depth, arrays, leaf }, index) => {
    const [open, close] = arrays ? ["[", "]"] : ['{"k":', "}"];
    return result.replace(`"__deep_${index}__"`, () => open.repeat(depth) + JSON.stringify(leaf) + close.repeat(depth));
  }, text ?? "null");
}

const fieldValue = fc.oneof(hostileString, anyJson, deepJson);

/** An object with the door's own fields (and some others), each set to something hostile. */
const doorObject = (door: Door) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...door.fields), hostileString), fieldValue, { minKeys: 1, maxKeys: 4 });

/** What goes on the wire as the body. */
export type Body =
  { kind: "json"; value: unknown } | { kind: "raw"; text: string; contentType: string } | { kind: "none" };

export const body = (door: Door): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 6, arbitrary: doorObject(door).map((value) => ({ kind: "json" as const, value: door.wrap(value) })) },
    { weight: 2, arbitrary: fieldValue.map((value) => ({ kind: "json" as const, value: door.wrap(value) })) },
    { weight: 1, arbitrary: anyJson.map((value) => ({ kind: "json" as const, value })) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          text: fc.oneof(
            fc.constantFrom("{", '{"a":', "[1,2", "nul", '{"a":"\\ud800"}', '{"a":"\\u0000"}', "\u0000", "{}}"),
            fc.string({ unit: "binary", maxLength: 200 }),
            fc.integer({ min: 300_000, max: 2_000_000 }).map((size) => `{"a":"${"y".repeat(size)}"}`),
          ),
          contentType: fc.constantFrom(
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "",
          ),
        })
        .map((raw) => ({ kind: "raw" as const, ...raw })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  );

/** Mostly the door's own method; sometimes one it does not serve, or one Next.js cannot. */
export const method = (door: Door): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(door.method) },
    { weight: 3, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") },
    { weight: 2, arbitrary: fc.constantFrom("TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE", "SEARCH", "COPY") },
  );

/** Mostly the door's own path; sometimes with an unknown tail, a broken escape or odd characters. */
export const pathVariant: fc.Arbitrary<(path: string) => string> = fc.oneof(
  { weight: 8, arbitrary: fc.constant((path: string) => path) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom("/nope", "%ff", "%", "%00", "/..%2f..", "/%e2%82", "?x=%ff", "/a/b/c", "%20", "/\u00e9")
      .map((tail) => (path: string) => path + encodeURI(tail).replace(/%25/g, "%")),
  },
);
