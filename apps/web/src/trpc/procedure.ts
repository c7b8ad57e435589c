"use client";

import type { AppRouter } from "@profilehub/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useCallback, useRef, useState } from "react";

import { fetchKeepingStatus, type RouterErrorData } from "./errors";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** The few procedures the signed-out pages call. */
type Procedures = {
  "web.signIn": [Inputs["web"]["signIn"], Outputs["web"]["signIn"]];
  "web.signUp": [Inputs["web"]["signUp"], Outputs["web"]["signUp"]];
  "auth.recover": [Inputs["auth"]["recover"], Outputs["auth"]["recover"]];
  "auth.reset": [Inputs["auth"]["reset"], Outputs["auth"]["reset"]];
};

/** A failed call, shaped as tRPC's client error is where `routerError` reads it (`data`, `cause`). */
export class ProcedureError extends Error {
  override name = "ProcedureError";

  constructor(
    message: string,
    readonly data: RouterErrorData | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * One tRPC mutation as a single JSON POST (what tRPC's client sends for one unbatched call), for
 * the signed-out pages: they only post a form, so they ship neither tRPC's client nor TanStack
 * Query (docs/performance.md, "Pages"). Same endpoint, CSRF header and error shape as the app's.
 */
export async function callProcedure<P extends keyof Procedures>(
  path: P,
  input: Procedures[P][0],
): Promise<Procedures[P][1]> {
  let response: Response;
  let body: { result?: { data?: unknown }; error?: { message?: string; data?: RouterErrorData } };
  try {
    response = await fetchKeepingStatus(`/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-profilehub-csrf": "1" },
      body: JSON.stringify(input),
    });
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw new ProcedureError(cause instanceof Error ? cause.message : String(cause), null, { cause });
  }
  if (!response.ok || body.error) {
    throw new ProcedureError(body.error?.message ?? `The server answered ${response.status}`, body.error?.data ?? null);
  }
  return body.result?.data as Procedures[P][1];
}

/** `callProcedure` with the state a form shows: pending, succeeded, and the last input sent. */
export function useProcedure<P extends keyof Procedures>(
  path: P,
  options: { onSuccess?: (data: Procedures[P][1]) => void } = {},
) {
  const [state, setState] = useState<{
    status: "idle" | "pending" | "success" | "error";
    variables?: Procedures[P][0];
  }>({ status: "idle" });
  const onSuccess = useRef(options.onSuccess);
  onSuccess.current = options.onSuccess;
  const mutateAsync = useCallback(
    async (input: Procedures[P][0]) => {
      setState({ status: "pending", variables: input });
      try {
        const data = await callProcedure(path, input);
        setState({ status: "success", variables: input });
        onSuccess.current?.(data);
        return data;
      } catch (failure) {
        setState({ status: "error", variables: input });
        throw failure;
      }
    },
    [path],
  );
  return {
    mutateAsync,
    isPending: state.status === "pending",
    isSuccess: state.status === "success",
    variables: state.variables,
  };
}
