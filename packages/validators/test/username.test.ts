import { describe, expect, it } from "vitest";

import { sanitizeUsername, usernameSchema } from "../src/index";

describe("usernames", () => {
  it.each([
    ["  Jane.Doe_99 ", "jane.doe_99"],
    ["Bad Name!", "badname"],
    ["ÉLODIE-42", "lodie42"],
    ["new_username", "new_username"],
  ])("sanitizes %j to %j", (raw, sanitized) => {
    expect(sanitizeUsername(raw)).toBe(sanitized);
    expect(usernameSchema.parse(raw)).toBe(sanitized);
  });

  it("validates the length after sanitizing", () => {
    expect(usernameSchema.safeParse("a!!b").success).toBe(false);
    expect(usernameSchema.safeParse("x".repeat(31)).success).toBe(false);
    expect(usernameSchema.safeParse("abc").success).toBe(true);
    expect(usernameSchema.safeParse("x".repeat(30)).success).toBe(true);
  });
});
