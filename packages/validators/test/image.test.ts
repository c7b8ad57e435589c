import { describe, expect, it } from "vitest";

import {
  checkImageDataUrl,
  imageUrlSchema,
  MAX_IMAGE_BYTES,
  type ProblemCode,
  renderProblem,
  sniffImageType,
} from "../src/index";

/** The problem a check found, as its English sentence (or `null`). */
const sentence = (problem: { code: ProblemCode; params?: object } | null) =>
  problem && renderProblem({ path: "avatarUrl", ...problem }, "en");

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dataUrl = (type: string, bytes: number[] | Uint8Array) =>
  `data:${type};base64,${Buffer.from(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes)).toString("base64")}`;

describe("image URLs", () => {
  it("sniffs real image types by their bytes", () => {
    expect(sniffImageType(Uint8Array.from(PNG_HEADER))).toBe("image/png");
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a..."))).toBe("image/gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
  });

  it("accepts a small real image as a data URL", () => {
    expect(sentence(checkImageDataUrl(dataUrl("image/png", [...PNG_HEADER, 0, 0, 0, 0])))).toBeNull();
  });

  it("refuses a data URL whose bytes are not the declared image", () => {
    expect(sentence(checkImageDataUrl(dataUrl("image/png", [0xff, 0xd8, 0xff, 0xe0])))).toMatch(
      /image\/jpeg, not image\/png/,
    );
    expect(sentence(checkImageDataUrl(dataUrl("image/png", [...new TextEncoder().encode("<html>")])))).toMatch(
      /not a PNG/,
    );
    expect(sentence(checkImageDataUrl("data:text/html;base64,PGh0bWw+"))).toMatch(/data:image/);
  });

  it("refuses images of 100 KB or more", () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES);
    big.set(PNG_HEADER);
    expect(sentence(checkImageDataUrl(dataUrl("image/png", big)))).toBe("Image must be smaller than 100 KB");
    expect(sentence(checkImageDataUrl(dataUrl("image/png", big.subarray(0, MAX_IMAGE_BYTES - 1))))).toBeNull();
  });

  it("accepts https URLs only", () => {
    expect(imageUrlSchema.safeParse("https://example.com/a.jpg").success).toBe(true);
    expect(imageUrlSchema.safeParse("http://example.com/a.jpg").success).toBe(false);
    expect(imageUrlSchema.safeParse("javascript:alert(1)").success).toBe(false);
    expect(imageUrlSchema.safeParse(`https://example.com/${"a".repeat(2048)}`).success).toBe(false);
  });
});
