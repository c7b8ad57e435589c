import { MAX_IMAGE_BYTES } from "@profilehub/validators";

/** What part of the source image becomes the square avatar: its center and zoom (1 = the largest square). */
export interface Crop {
  zoom: number;
  centerX: number;
  centerY: number;
}

export interface SourceSize {
  width: number;
  height: number;
}

export interface EncodedAvatar {
  dataUrl: string;
  bytes: number;
  size: number;
  type: string;
}

/** Sizes (px) and qualities tried in turn until the file is under the server's limit. */
const SIZES = [256, 224, 192, 160, 128, 96];
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];

export const MAX_ZOOM = 4;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The square (in source pixels) a crop selects, kept inside the image. */
export function cropSquare(source: SourceSize, crop: Crop) {
  const side = Math.min(source.width, source.height) / clamp(crop.zoom, 1, MAX_ZOOM);
  const x = clamp(crop.centerX - side / 2, 0, source.width - side);
  const y = clamp(crop.centerY - side / 2, 0, source.height - side);
  return { x, y, side };
}

/** A crop whose square stays inside the image. */
export function clampCrop(source: SourceSize, crop: Crop): Crop {
  const zoom = clamp(crop.zoom, 1, MAX_ZOOM);
  const { x, y, side } = cropSquare(source, { ...crop, zoom });
  return { zoom, centerX: x + side / 2, centerY: y + side / 2 };
}

export function centeredCrop(source: SourceSize): Crop {
  return { zoom: 1, centerX: source.width / 2, centerY: source.height / 2 };
}

/** Decodes a picked file (EXIF orientation applied); rejects when the browser cannot read it. */
export function decodeImage(file: Blob): Promise<ImageBitmap> {
  return createImageBitmap(file, { imageOrientation: "from-image" });
}

function canvasOf(size: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Canvas 2D is not available");
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  return [canvas, context];
}

/** Draws the crop at `size`×`size`, halving in steps from large sources so the result stays sharp. */
function render(image: CanvasImageSource, square: { x: number; y: number; side: number }, size: number) {
  let source: CanvasImageSource = image;
  let rect = square;
  while (rect.side > size * 2.5) {
    const step = Math.round(rect.side / 2);
    const [canvas, context] = canvasOf(step);
    context.drawImage(source, rect.x, rect.y, rect.side, rect.side, 0, 0, step, step);
    source = canvas;
    rect = { x: 0, y: 0, side: step };
  }
  const [canvas, context] = canvasOf(size);
  context.drawImage(source, rect.x, rect.y, rect.side, rect.side, 0, 0, size, size);
  return canvas;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("Cannot read the image"));
    reader.readAsDataURL(blob);
  });
}

/**
 * Crops to a square and compresses to WebP (JPEG where the browser cannot encode WebP), shrinking
 * the quality, then the size, until the file is under MAX_IMAGE_BYTES. The server checks it again.
 */
export async function encodeAvatar(image: CanvasImageSource, source: SourceSize, crop: Crop): Promise<EncodedAvatar> {
  const square = cropSquare(source, crop);
  for (const size of SIZES) {
    const canvas = render(image, square, Math.min(size, Math.max(32, Math.floor(square.side))));
    for (const quality of QUALITIES) {
      let blob = await toBlob(canvas, "image/webp", quality);
      if (!blob || blob.type !== "image/webp") blob = await toBlob(canvas, "image/jpeg", quality);
      if (blob && blob.size < MAX_IMAGE_BYTES) {
        return { dataUrl: await toDataUrl(blob), bytes: blob.size, size: canvas.width, type: blob.type };
      }
    }
  }
  throw new Error("The image cannot be compressed under the size limit");
}
