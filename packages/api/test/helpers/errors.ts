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
    const described = describeError(error);
    return { code: (error as TRPCError).code, ...described };
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

export const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort();
