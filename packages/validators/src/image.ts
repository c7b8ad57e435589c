import { z } from "zod";

import { customIssue, fails } from "./problems/zod-codes";

/** Data-URL images must decode to fewer bytes than this (DESIGN §5: "under 100 KB"). */
export const MAX_IMAGE_BYTES = 100 * 1024;
export const MAX_IMAGE_URL_LENGTH = 2048;

export type ImageType = "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/avif";

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Identifies an image by its magic bytes; `null` when the bytes are not a supported image. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("ftypavif"), 4) || startsWith(bytes, ascii("ftypavis"), 4)) {
    return "image/avif";
  }
  return null;
}

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

function decodeBase64(base64: string): Uint8Array | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return null;
  }
}

export type ImageProblem =
  | { code: "image_malformed_data_url" | "image_invalid_base64" | "image_unsupported_type" }
  | { code: "image_too_large"; params: { maximumKb: number } }
  | { code: "image_type_mismatch"; params: { actual: ImageType; declared: string } };

const TOO_LARGE: ImageProblem = { code: "image_too_large", params: { maximumKb: MAX_IMAGE_BYTES / 1024 } };

/** The problem with a data URL, or `null` when it holds a real image under the size limit. */
export function checkImageDataUrl(url: string): ImageProblem | null {
  const match = DATA_URL.exec(url);
  if (!match) return { code: "image_malformed_data_url" };
  const [, declaredType = "", base64 = ""] = match;
  // Reject before decoding anything huge: base64 is 4/3 of the byte size.
  if (base64.length > Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4) return TOO_LARGE;
  const bytes = decodeBase64(base64);
  if (!bytes) return { code: "image_invalid_base64" };
  if (bytes.length >= MAX_IMAGE_BYTES) return TOO_LARGE;
  const actualType = sniffImageType(bytes);
  if (!actualType) return { code: "image_unsupported_type" };
  if (declaredType !== actualType && !(declaredType === "image/jpg" && actualType === "image/jpeg")) {
    return { code: "image_type_mismatch", params: { actual: actualType, declared: declaredType } };
  }
  return null;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An avatar: an https URL, or a base64 data URL whose bytes are a real image under 100 KB. */
export const imageUrlSchema = z
  .string(fails("invalid_type"))
  .trim()
  .superRefine((value, ctx) => {
    if (value.startsWith("data:")) {
      const problem = checkImageDataUrl(value);
      if (problem) ctx.addIssue(customIssue(problem.code, "params" in problem ? problem.params : undefined));
      return;
    }
    if (value.length > MAX_IMAGE_URL_LENGTH) {
      ctx.addIssue(customIssue("image_url_too_long", { maximum: MAX_IMAGE_URL_LENGTH }));
    } else if (!isHttpsUrl(value)) {
      ctx.addIssue(customIssue("image_not_https"));
    }
  });
