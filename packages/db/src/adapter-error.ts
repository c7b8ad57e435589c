/** What a driver adapter says about a failed statement (`kind`, and the SQLSTATE and details it kept). */
export interface DriverAdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
  originalMessage?: string;
  constraint?: { index?: string; fields?: string[] };
}

/**
 * The driver adapter's account of a failure, however it reached us: wrapped by Prisma's client
 * (`meta.driverAdapterError`, from `$queryRaw` and the model API) or as the adapter threw it
 * (`queryRows`'s direct path). `undefined` for any other error.
 */
export function driverAdapterCause(error: unknown): DriverAdapterCause | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: DriverAdapterCause } } }).meta;
  if (wrapped?.driverAdapterError) return wrapped.driverAdapterError.cause;
  const direct = error as { name?: unknown; cause?: unknown };
  return direct.name === "DriverAdapterError" && typeof direct.cause === "object" && direct.cause !== null
    ? direct.cause
    : undefined;
}
