import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  bioSchema,
  displayNameSchema,
  isStorableText,
  METADATA_MAX_BYTES,
  metadataSchema,
  renderProblem,
  unstorableInputIssues,
  zodIssues,
} from "../src/index";

/** Nested `depth` levels deep, built without recursion (as an attacker's JSON.parse would). */
function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = { k: value };
  return value;
}

const codes = (schema: { safeParse(value: unknown): { success: boolean; error?: any } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : zodIssues(result.error).map((issue) => issue.code);
};

describe("what no column can hold is refused in one place", () => {
  it("finds NUL characters and lone surrogates in strings and keys, at their path", () => {
    const issues = unstorableInputIssues({
      displayName: "a\u0000b",
      bio: "x\ud800",
      fine: "emoji 😀 is a surrogate pair",
      userMetadata: { "bad\u0000key": 1, nested: ["ok", "\udc00"] },
    });
    expect(issues.map((issue) => [issue.path, issue.code]).sort()).toEqual(
      [
        ["bio", "invalid_characters"],
        ["displayName", "invalid_characters"],
        ["userMetadata", "invalid_characters"],
        ["userMetadata.nested.1", "invalid_characters"],
      ].sort(),
    );
    expect(unstorableInputIssues({ name: "Zoë 😀", list: [1, null, true] })).toEqual([]);
  });

  it("refuses 10,000 levels of nesting without overflowing the stack", () => {
    const issues = unstorableInputIssues({ userMetadata: nested(10_000) });
    expect(issues).toMatchObject([{ path: "userMetadata", code: "too_deeply_nested", params: { maximum: 64 } }]);
    expect(renderProblem(issues[0]!, "fr")).toMatch(/trop imbriquée/);
  });

  it("finds a problem wherever one is, and nothing where there is none (property)", () => {
    const bad = fc.constantFrom("\u0000", "a\ud800", "\udc00b", "ok");
    const text = fc.oneof(fc.string(), bad);
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(text, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    /** Whether anything in `value` is unstorable, or an object is `maxDepth` deep: recursive, for reference. */
    const problem = (value: unknown, depth: number, maxDepth: number): boolean => {
      if (typeof value === "string") return !isStorableText(value);
      if (value === null || typeof value !== "object") return false;
      if (depth >= maxDepth) return true;
      return Object.entries(value).some(([key, child]) => !isStorableText(key) || problem(child, depth + 1, maxDepth));
    };
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 6 }), (input, maxDepth) => {
        expect(unstorableInputIssues(input, maxDepth).length > 0).toBe(problem(input, 0, maxDepth));
      }),
      { numRuns: 2000 },
    );
  });

  it("metadata: at most 32 levels and 16 KB, storable keys and values, checked before any recursion", () => {
    expect(codes(metadataSchema, { a: nested(31) })).toEqual([]);
    expect(codes(metadataSchema, { a: nested(32) })).toEqual(["metadata_too_deep"]);
    expect(codes(metadataSchema, { a: nested(10_000) })).toEqual(["metadata_too_deep"]);
    expect(codes(metadataSchema, { big: "x".repeat(METADATA_MAX_BYTES) })).toEqual(["metadata_too_large"]);
    expect(codes(metadataSchema, { big: "x".repeat(METADATA_MAX_BYTES - 20) })).toEqual([]);
    expect(codes(metadataSchema, { "k\u0000": 1 })).toContain("invalid_characters");
    expect(codes(metadataSchema, { k: ["\ud800"] })).toEqual(["invalid_characters"]);
  });

  it("the shared text schemas (the settings UI's too) refuse them with the same code", () => {
    expect(codes(displayNameSchema, "Ada\u0000")).toEqual(["invalid_characters"]);
    expect(codes(bioSchema, "\ud800")).toEqual(["invalid_characters"]);
    expect(codes(bioSchema, "Zoë 😀")).toEqual([]);
  });

  it("a problem whose wording lacks its params is reported in generic words, never a crash", () => {
    expect(renderProblem({ path: "grant_type", code: "not_one_of", params: {} }, "en")).toMatch(/invalid/);
  });
});
