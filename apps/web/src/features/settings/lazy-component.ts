"use client";

import { type ComponentType, createElement, type ReactNode, use } from "react";

import { useToast } from "@/components/toaster";
import { useI18n } from "@/i18n/provider";

import { failureMessage } from "./failure";

/** Something a row can fetch before it is shown. */
export interface Preloadable {
  /** Starts loading it (once; a failed load is tried again by the next call). */
  preload(): Promise<unknown>;
  /** Loaded: it renders at once. */
  readonly ready: boolean;
}

/**
 * `whenLoaded(it, show, waiting)`: shows it at once when loaded, else once it is (a press before
 * the background fetch finished), telling `waiting(true)` meanwhile and `waiting(false)` when the
 * fetch ends; a failed fetch (offline) says why in a status message instead.
 */
export function useWhenLoaded() {
  const { t, refusal } = useI18n();
  const toast = useToast();
  return (it: Preloadable, show: () => void, waiting: (busy: boolean) => void = () => undefined) => {
    if (it.ready) return show();
    waiting(true);
    it.preload().then(
      () => {
        waiting(false);
        show();
      },
      (error: unknown) => {
        waiting(false);
        toast(failureMessage(error, t, refusal));
      },
    );
  };
}

export type LazyComponent<P> = ((props: P) => ReactNode) & Preloadable;

/**
 * An inline edit form or a dialog that is not part of the page's first load (react-hook-form and the form's
 * code): `EditableRow` (or `useLazyDialog`) fetches it when the pointer reaches its button or the
 * button gets focus, and opens it once here; a page may also fetch it after hydration
 * (docs/performance.md, "Pages").
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function LazyLoaded(props: P) {
    // EditableRow opens a form once it is loaded; `use` waits for it anywhere else.
    return createElement(loaded ?? use(preload()), props);
  }
  return Object.defineProperties(LazyLoaded, {
    preload: { value: preload },
    ready: { get: () => loaded !== undefined },
  }) as LazyComponent<P>;
}
