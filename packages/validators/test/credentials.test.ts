import { describe, expect, it } from "vitest";

import { checkPasswordHash, type ProblemCode, renderProblem, totpSecretBase64Schema } from "../src/index";

/** The problem a check found, as its English sentence (or `null`). */
const sentence = (problem: { code: ProblemCode; params?: object } | null) =>
  problem && renderProblem({ path: "passwordHash", ...problem }, "en");

describe("password hash import", () => {
  it("accepts bcrypt $2a$/$2b$/$2y$ within cost limits", () => {
    const hash = "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi";
    expect(sentence(checkPasswordHash(hash))).toBeNull();
    expect(sentence(checkPasswordHash(hash.replace("$2a$", "$2y$")))).toBeNull();
    expect(sentence(checkPasswordHash(hash.replace("$10$", "$15$")))).toMatch(/cost/);
    expect(sentence(checkPasswordHash(hash.replace("$10$", "$03$")))).toMatch(/cost/);
  });

  it("accepts argon2id within memory, iteration and parallelism limits", () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZEoCZoN0qKXOS0Wck4BpSxaeLn6qXldZCmr2m5QZ8W4";
    expect(sentence(checkPasswordHash(hash))).toBeNull();
    expect(sentence(checkPasswordHash(hash.replace("m=19456", "m=1048576")))).toMatch(/memory/);
    expect(sentence(checkPasswordHash(hash.replace("t=2", "t=50")))).toMatch(/iterations/);
  });

  it("refuses everything else", () => {
    for (const hash of [
      "plaintext",
      "$1$abc$def",
      "$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$5$rounds=5000$x$y",
    ]) {
      expect(sentence(checkPasswordHash(hash))).toMatch(/bcrypt|argon2id/);
    }
  });
});

describe("TOTP secrets", () => {
  it("takes base64 of 10 to 64 bytes", () => {
    expect(totpSecretBase64Schema.safeParse(Buffer.alloc(20, 7).toString("base64")).success).toBe(true);
    expect(totpSecretBase64Schema.safeParse(Buffer.alloc(8).toString("base64")).success).toBe(false);
    expect(totpSecretBase64Schema.safeParse("not base64!").success).toBe(false);
  });
});
