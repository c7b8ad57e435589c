"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useMemo, useRef } from "react";

interface UnsavedChanges {
  set(id: string, dirty: boolean): void;
  /** `true` when nothing is unsaved, or the user agreed to lose it. */
  confirmLeave(): boolean;
}

const UnsavedContext = createContext<UnsavedChanges | null>(null);

/**
 * Tracks the forms with unsaved edits: closing or reloading the tab asks first (beforeunload),
 * and so do the app's own links (sidebar, header) through `confirmLeave()`.
 */
export function UnsavedChangesProvider({ message, children }: { message: string; children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const messageRef = useRef(message);
  useEffect(() => {
    messageRef.current = message;
  }, [message]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size === 0) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);
  const set = useCallback((id: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(id);
    else dirty.current.delete(id);
  }, []);
  const confirmLeave = useCallback(() => {
    if (dirty.current.size === 0) return true;
    const leave = window.confirm(messageRef.current);
    if (leave) dirty.current.clear();
    return leave;
  }, []);
  const value = useMemo(() => ({ set, confirmLeave }), [set, confirmLeave]);
  return <UnsavedContext.Provider value={value}>{children}</UnsavedContext.Provider>;
}

/** Marks this component's form as holding unsaved changes while `dirty` is true. */
export function useUnsavedGuard(dirty: boolean) {
  const context = useContext(UnsavedContext);
  const id = useId();
  useEffect(() => {
    context?.set(id, dirty);
    return () => context?.set(id, false);
  }, [context, id, dirty]);
}

export function useConfirmLeave(): () => boolean {
  const context = useContext(UnsavedContext);
  return context ? () => context.confirmLeave() : () => true;
}
