"use client";

import { ZoomIn, ZoomOut } from "lucide-react";
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Slider } from "@/components/ui/slider";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/i18n/provider";

import {
  centeredCrop,
  clampCrop,
  type Crop,
  cropSquare,
  decodeImage,
  encodeAvatar,
  type EncodedAvatar,
  MAX_ZOOM,
} from "./encode";

const VIEW = 320; // canvas pixels of the crop view (drawn at twice its CSS size on sharp screens)

/**
 * The crop step: the picked photo in a square frame (the circle shows what others will see);
 * drag or use the arrow keys to move it, the slider or +/− to zoom. "Use this photo" compresses it.
 */
export function AvatarCropper({
  file,
  onCancel,
  onDone,
  onClosed,
}: {
  file: File;
  onCancel: () => void;
  onDone: (avatar: EncodedAvatar) => void;
  /** Once the dialog is gone, whichever way it closed: the row moves keyboard focus back. */
  onClosed: () => void;
}) {
  const { t } = useI18n();
  const [image, setImage] = useState<ImageBitmap | null>(null);
  const [crop, setCrop] = useState<Crop | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    let cancelled = false;
    decodeImage(file).then(
      (bitmap) => {
        if (cancelled) return bitmap.close();
        setImage(bitmap);
        setCrop(centeredCrop(bitmap));
      },
      () => !cancelled && setError(t.profile.avatar.readError),
    );
    return () => {
      cancelled = true;
    };
  }, [file, t]);

  useEffect(() => () => image?.close(), [image]);

  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context || !image || !crop) return;
    const { x, y, side } = cropSquare(image, crop);
    context.imageSmoothingQuality = "high";
    context.clearRect(0, 0, VIEW * 2, VIEW * 2);
    context.drawImage(image, x, y, side, side, 0, 0, VIEW * 2, VIEW * 2);
  }, [image, crop]);

  const update = (change: (crop: Crop) => Crop) => {
    if (image) setCrop((current) => (current ? clampCrop(image, change(current)) : current));
  };
  const move = (dxCss: number, dyCss: number) => {
    const box = canvas.current?.getBoundingClientRect();
    if (!image || !crop || !box) return;
    const scale = cropSquare(image, crop).side / box.width;
    update((current) => ({
      ...current,
      centerX: current.centerX - dxCss * scale,
      centerY: current.centerY - dyCss * scale,
    }));
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current) return;
    move(event.clientX - drag.current.x, event.clientY - drag.current.y);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 12;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const delta = moves[event.key];
    if (delta) move(...delta);
    else if (event.key === "+" || event.key === "=") update((current) => ({ ...current, zoom: current.zoom * 1.1 }));
    else if (event.key === "-") update((current) => ({ ...current, zoom: current.zoom / 1.1 }));
    else return;
    event.preventDefault();
  };
  const apply = async () => {
    if (!image || !crop) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await encodeAvatar(image, image, crop));
    } catch {
      setError(t.profile.avatar.compressError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onCancel()}>
      <DialogContent
        closeLabel={t.common.close}
        className="max-w-md"
        data-testid="avatar-cropper"
        // The row decides where focus goes: its picker button is no longer the element focused before.
        onClosed={onClosed}
      >
        <DialogHeader>
          <DialogTitle>{t.profile.avatar.cropTitle}</DialogTitle>
          <DialogDescription>{t.profile.avatar.cropDescription}</DialogDescription>
        </DialogHeader>
        <div className="relative mx-auto aspect-square w-full max-w-80 overflow-hidden rounded-lg bg-muted">
          <canvas
            ref={canvas}
            width={VIEW * 2}
            height={VIEW * 2}
            tabIndex={0}
            role="img"
            aria-label={t.profile.avatar.cropArea}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (drag.current = null)}
            onPointerCancel={() => (drag.current = null)}
            onKeyDown={onKeyDown}
            className="size-full cursor-grab touch-none outline-none focus-visible:ring-[3px] focus-visible:ring-ring/70 focus-visible:ring-inset active:cursor-grabbing"
          />
          <div
            aria-hidden
            className="pointer-events-none absolute inset-0 rounded-full shadow-[0_0_0_9999px_rgb(0_0_0/0.45)] ring-2 ring-white/80"
          />
          {!image && !error ? (
            <div className="absolute inset-0 grid place-items-center">
              <Spinner className="size-6" />
            </div>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <ZoomOut aria-hidden className="size-4 text-muted-foreground" />
          <Slider
            thumbLabel={t.profile.avatar.zoom}
            min={1}
            max={MAX_ZOOM}
            step={0.01}
            value={[crop?.zoom ?? 1]}
            disabled={!image}
            onValueChange={([zoom]) => update((current) => ({ ...current, zoom: zoom ?? 1 }))}
          />
          <ZoomIn aria-hidden className="size-4 text-muted-foreground" />
        </div>
        {error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onCancel} disabled={busy}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => void apply()} disabled={!image || busy} data-testid="avatar-apply">
            {busy ? <Spinner /> : null}
            {busy ? t.profile.avatar.processing : t.profile.avatar.apply}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
