import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

import { describeError, type ErrorReason } from "../../src/index";

/** Awaits a call expected to fail and returns its reason and issues. */
export async function failure(promise: Promise<unknown>): Promise<{
  code: string;
  reason: ErrorReason | null;
  message: string;
  issues: { path: string; message: string }[];
}> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const { reason, message, issues } = describeError(error);
    // Where and what, as readers see it (the codes are asserted where a test is about them).
    const located = issues.map((issue) => ({ path: issue.path, message: issue.message }));
    return { code: (error as TRPCError).code, reason, message, issues: located };
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

export const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort();
