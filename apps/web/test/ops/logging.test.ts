import { describe, expect, it } from "vitest";

import { createLogger } from "@/server/ops/logger";
import { acceptRequestId } from "@/server/ops/request-id";

/** A logger writing into an array. */
function capturing(level: "info" | "warn" = "info", pretty = false) {
  const lines: string[] = [];
  const logger = createLogger({ level, pretty, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe("the log", () => {
  it("is one JSON line per event: ISO time, level name, message, fields, and an error's stack", () => {
    const { logger, json } = capturing();
    logger.info({ reqId: "r-1", route: "/users/[id]", status: 200 }, "request");
    logger.error({ reqId: "r-2", err: new Error("database went away") }, "request failed");
    const [request, failure] = json();
    expect(request).toMatchObject({ level: "info", msg: "request", reqId: "r-1", route: "/users/[id]", status: 200 });
    expect(new Date(request!.time as string).toISOString()).toBe(request!.time);
    expect(failure).toMatchObject({ level: "error", err: { type: "Error", message: "database went away" } });
    expect(failure!.err.stack).toContain("logging.test.ts");
  });

  it("follows LOG_LEVEL", () => {
    const { logger, json } = capturing("warn");
    logger.info("hidden");
    logger.warn("shown");
    expect(json().map((line) => line.msg)).toEqual(["shown"]);
  });

  it("censors credential fields even when some code passes them along", () => {
    const { logger, lines } = capturing();
    logger.info({
      password: "hunter2-hunter2",
      body: { token: "tok-secret-value", secret: "shh-secret-value" },
      headers: { authorization: "Bearer abc.def.ghi", cookie: "session=xyz123456", "x-api-key": "phk_key123456" },
    });
    const text = lines.join("");
    for (const secret of [
      "hunter2-hunter2",
      "tok-secret-value",
      "shh-secret-value",
      "abc.def.ghi",
      "xyz123456",
      "phk_key123456",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
  });

  it("reads as plain lines in a terminal, with the error's stack below", () => {
    const { logger, lines } = capturing("info", true);
    logger.info({ reqId: "r-3", method: "GET", route: "/api/health", status: 200, ms: 1.5 }, "request");
    logger.error({ err: new Error("boom") }, "request failed");
    expect(lines[0]).toMatch(
      /^\S*\d\d:\d\d:\d\d\.\d{3}\S* \S*INFO \S* request GET \/api\/health 200 \S*reqId=r-3 ms=1\.5/,
    );
    expect(lines[0]).not.toContain("{");
    expect(lines[1]).toContain("request failed");
    expect(lines[1]).toMatch(/\n {4}Error: boom\n {8}at /);
  });
});

describe("request ids", () => {
  it("keeps a caller's id made of at most 64 letters, digits, dots, dashes and underscores", () => {
    expect(acceptRequestId("abc-DEF_1.2")).toBe("abc-DEF_1.2");
    expect(acceptRequestId("x".repeat(64))).toBe("x".repeat(64));
    for (const insane of ["x".repeat(65), "a b", "a\nb", "", "ü", "a:b", undefined, ["a", "b"]]) {
      expect(acceptRequestId(insane)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
