"use client";

import { type ComponentType, createElement, type ReactNode, use } from "react";

/** Something a row can fetch before it is shown. */
export interface Preloadable {
  /** Starts loading it (once; a failed load is tried again by the next call). */
  preload(): Promise<unknown>;
  /** Loaded: it renders at once. */
  readonly ready: boolean;
}

export type LazyForm<P> = ((props: P) => ReactNode) & Preloadable;

/**
 * An inline edit form that is not part of the page's first load (react-hook-form and the form's
 * code): `EditableRow` fetches it when the pointer reaches its Edit button or the button gets focus,
 * and opens it once here; the page also fetches it after hydration (docs/performance.md, "Pages").
 */
export function lazyForm<P extends object>(load: () => Promise<ComponentType<P>>): LazyForm<P> {
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
  function LazyLoadedForm(props: P) {
    // EditableRow opens a form once it is loaded; `use` waits for it anywhere else.
    return createElement(loaded ?? use(preload()), props);
  }
  return Object.defineProperties(LazyLoadedForm, {
    preload: { value: preload },
    ready: { get: () => loaded !== undefined },
  }) as LazyForm<P>;
}
