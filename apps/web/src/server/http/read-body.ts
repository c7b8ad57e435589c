/** Why a request body could not be read as data. */
export type BodyProblem = "too_large" | "invalid_json" | "unsupported_media_type";

export type BodyResult = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

/**
 * The body's length as its Content-Length declares it, which Node's HTTP parser enforces (the body
 * is exactly that long); `null` without one (chunked).
 */
export function declaredBodyLength(request: Request): number | null {
  const length = request.headers.get("content-length");
  const declared = Number(length);
  return length !== null && Number.isSafeInteger(declared) ? declared : null;
}

/** Reads at most `maxBytes` of the body, whatever Content-Length claims (null: too large). */
export async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  // A declared length is exactly the body's: read it in one call. Without one (chunked), count
  // the bytes as they arrive.
  if (declaredBodyLength(request) !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? null : bytes;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Decodes whole bodies (never streaming), so one decoder serves every request. */
const utf8 = new TextDecoder("utf-8", { fatal: false });

export interface ReadBodyOptions {
  maxBytes: number;
  /** Also accept `application/x-www-form-urlencoded` (fields become string values). */
  form?: boolean;
}

/**
 * Parses a JSON (or, when allowed, form-urlencoded) body. An empty body is `undefined`.
 * A missing Content-Type is read as JSON, as most HTTP clients' examples omit it.
 */
export async function readBody(request: Request, options: ReadBodyOptions): Promise<BodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const isForm = type === "application/x-www-form-urlencoded";
  const isJson = type === "" || type === "application/json" || type.endsWith("+json");
  if (!isJson && !(isForm && options.form)) return { ok: false, problem: "unsupported_media_type" };
  const bytes = await readCapped(request, options.maxBytes);
  if (!bytes) return { ok: false, problem: "too_large" };
  const text = utf8.decode(bytes);
  if (isForm) return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: "invalid_json" };
  }
}
