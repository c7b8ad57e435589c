import { describe, expect, it } from "vitest";

import {
  ENGLISH_WORDING,
  FRENCH_WORDING,
  isReasonIn,
  type ProblemCode,
  renderProblemIn,
  renderReasonIn,
} from "../src/index";

// A browser checks a server's codes against the wording it loaded (not the code lists, which it
// does not ship): a code or reason a newer server sends must still read as a sentence.
describe("rendering codes this build does not know", () => {
  const newer = "from_a_newer_server" as ProblemCode;

  it("words an unknown problem code with the generic sentence, in each language", () => {
    expect(renderProblemIn(ENGLISH_WORDING, { path: "email", code: newer, params: { limit: 3 } })).toBe(
      "Email is invalid",
    );
    expect(renderProblemIn(FRENCH_WORDING, { path: "email", code: newer })).toBe(
      renderProblemIn(FRENCH_WORDING, { path: "email", code: "invalid" }),
    );
  });

  it("never takes Object.prototype's members for a code's wording", () => {
    for (const code of ["toString", "constructor", "hasOwnProperty", "__proto__"]) {
      expect(renderProblemIn(ENGLISH_WORDING, { path: "password", code: code as ProblemCode })).toBe(
        "Password is invalid",
      );
    }
  });

  it("still words the codes it knows, params included", () => {
    expect(renderProblemIn(ENGLISH_WORDING, { path: "password", code: "too_short", params: { minimum: 8 } })).toBe(
      "Password is too short (minimum is 8 characters)",
    );
    expect(renderProblemIn(ENGLISH_WORDING, { path: "email", code: "required" })).toBe("Email is required");
  });

  it("knows a reason only when the wording words it", () => {
    expect(isReasonIn(ENGLISH_WORDING, "invalid_credentials")).toBe(true);
    expect(isReasonIn(FRENCH_WORDING, "rate_limited")).toBe(true);
    for (const value of ["from_a_newer_server", "toString", "constructor", "", null, undefined, 42, {}]) {
      expect(isReasonIn(ENGLISH_WORDING, value), JSON.stringify(value)).toBe(false);
    }
    expect(renderReasonIn(ENGLISH_WORDING, "invalid_credentials", {})).toMatch(/\w/);
  });
});
