// What the published client exposes of the server, read by router-declarations.ts (types only).
import type { AppRouter, ErrorReason } from "@profilehub/api";

/** The procedures: nested records of query / mutation procedures. */
export type RouterRecord = AppRouter["_def"]["record"];
/** The error shape every failed call carries (`error.data.reason`, `error.data.issues`, …). */
export type ErrorShape = AppRouter["_def"]["_config"]["$types"]["errorShape"];
/** Whether the router uses a data transformer (it does not: plain JSON). */
export type Transformer = AppRouter["_def"]["_config"]["$types"]["transformer"];
export type Reasons = ErrorReason;
