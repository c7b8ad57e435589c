import {
  type Context,
  createCaller,
  createRequestContext,
  type Door,
  type RequestCredentials,
  RETRY_AFTER_SECONDS,
  retryAfterOf,
} from "@profilehub/api";
import type { Issue, UserViewFields } from "@profilehub/validators";

import { getLogger } from "../ops/logger";
import { noteRequest } from "../ops/request-context";
import { getRuntime } from "../runtime";
import { type ErrorInfo, errorInfo, errorInfoFromReason } from "./error-info";
import { type BodyProblem, readBody } from "./read-body";
import { clientInfoOf, requestIdOf } from "./request-info";

/** What distinguishes one door from another: credentials in, errors out. */
export interface DoorAdapter {
  door: Door;
  /** Extracts the presented credentials (untrusted) from the request. */
  credentials(
    request: Request,
  ): Pick<
    RequestCredentials,
    "accessToken" | "serverKey" | "serverAccessClaimed" | "projectId" | "publishableClientKey"
  >;
  /** Renders an error in the door's documented shape. */
  errorResponse(error: ErrorInfo, request: Request): Response;
  /** Body size cap in bytes. */
  maxBodyBytes: number;
  /** Accept form-urlencoded bodies too. */
  acceptsForm?: boolean;
  /**
   * The user view fields the door's responses render: an update made through `callerWith` builds
   * only those (a narrowed view; less work for the database and for us). Absent: the full view.
   */
  viewFields?: UserViewFields;
}

export interface RouteArgs<P> {
  request: Request;
  params: P;
  caller: Caller;
  /**
   * The caller, told what the door found wrong while reading the request (keys it cannot map, an
   * unreadable body): the router reports them with its own problems, in one answer. Its updates
   * return the view narrowed to the door's `viewFields`.
   */
  callerWith: (requestProblems: Issue[]) => Caller;
  ctx: Context;
  /** The parsed body (`undefined` for GET or an empty body). */
  body: unknown;
}

type Caller = ReturnType<typeof createCaller>;

function bodyProblem(problem: BodyProblem, door: DoorAdapter): ErrorInfo {
  if (problem === "too_large") return errorInfoFromReason("payload_too_large", { maximumBytes: door.maxBodyBytes });
  if (problem === "invalid_json") return errorInfoFromReason("invalid_json");
  const accepted = door.acceptsForm ? ["application/json", "application/x-www-form-urlencoded"] : ["application/json"];
  return errorInfoFromReason("unsupported_media_type", { accepted });
}

/**
 * One route handler: reads the body (capped), builds the same context as `/api/trpc`, calls the
 * handler, and renders any error in the door's documented shape. Never leaks a stack trace.
 */
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function defineRoute<P = Record<string, never>>(
  door: DoorAdapter,
  handler: (args: RouteArgs<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    noteRequest({ door: door.door });
    const respond = (response: Response, retryAfter: number | null = null) => {
      response.headers.set("x-request-id", requestId);
      const wait = retryAfter ?? (response.status === 503 ? RETRY_AFTER_SECONDS : null);
      if (wait !== null && !response.headers.has("retry-after")) response.headers.set("retry-after", String(wait));
      return response;
    };
    // A refusal in the door's shape, with `Retry-After` when its reason has one (429, 503).
    const refuse = (error: ErrorInfo) => respond(door.errorResponse(error, request), retryAfterOf(error));
    try {
      let body: unknown;
      if (request.method !== "GET" && request.method !== "HEAD") {
        const read = await readBody(request, { maxBytes: door.maxBodyBytes, form: door.acceptsForm ?? false });
        if (!read.ok) return refuse(bodyProblem(read.problem, door));
        body = read.value;
      }
      const runtime = await getRuntime().catch((err: unknown) => {
        getLogger().error({ reqId: requestId, err }, "service unavailable");
        return null;
      });
      if (!runtime) {
        return refuse(errorInfoFromReason("unavailable"));
      }
      const ctx = await createRequestContext(runtime.services, {
        ...door.credentials(request),
        door: door.door,
        requestId,
        client: clientInfoOf(request),
      });
      noteRequest({ userId: ctx.session?.userId });
      const params = (await context.params) ?? ({} as P);
      // The caller is made when the handler asks for it (most updates take `callerWith` instead).
      const args: RouteArgs<P> = {
        request,
        params,
        get caller() {
          return createCaller(ctx);
        },
        callerWith: (requestProblems: Issue[]) =>
          createCaller({ ...ctx, requestProblems, viewFields: door.viewFields ?? null }),
        ctx,
        body,
      };
      return respond(await handler(args));
    } catch (error) {
      return refuse(errorInfo(error, requestId));
    }
  };
}
