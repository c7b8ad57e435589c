import { type ComponentType, Fragment, lazy, type ReactNode, Suspense } from "react";

/**
 * `next/dynamic` as the browser runs it, without its server-only parts: next.config.mjs aliases
 * `next/dynamic` to this module for the browser only (`turbopack.resolveAlias`), so the server
 * still renders Next's own — which preloads the chunk (`<link rel="preload">`) or bails out to
 * the client (`ssr: false`) — and the browser no longer ships the code that does that there
 * (`PreloadChunks`, the work store, the bailout error; ~1 KB gzipped on every page that uses it,
 * docs/performance.md "Pages"). The element tree is the one Next's `lazy-dynamic/loadable.js`
 * renders in a browser (Next 16.4), so that hydration and `useId` see the same tree as the
 * server rendered; `test/ops/next-dynamic-browser.test.ts` fails when Next's file changes.
 */
type Loaded<P> = ComponentType<P> | { default: ComponentType<P> };

interface DynamicOptions {
  loading?: ComponentType<{ isLoading: boolean; pastDelay: boolean; error: null }> | null;
  ssr?: boolean;
}

// Next checks "default" with `in` before reading it (a client reference proxy may be passed).
function asModule<P>(loaded: Loaded<P>): { default: ComponentType<P> } {
  return { default: loaded && "default" in loaded ? loaded.default : loaded };
}

/** What Next's `BailoutToCSRForNextDynamic` is in a browser: its children. */
function BailoutToCSRForNextDynamic({ children }: { children: ReactNode }) {
  return children;
}

export default function dynamic<P extends object>(
  loader: () => Promise<Loaded<P>>,
  options: DynamicOptions = {},
): ComponentType<P> {
  const Lazy = lazy(() => loader().then(asModule)) as unknown as ComponentType<P>;
  const Loading = options.loading ?? null;
  const ssr = options.ssr ?? true;
  function LoadableComponent(props: P) {
    const fallback = Loading ? <Loading isLoading pastDelay error={null} /> : null;
    const children = ssr ? (
      <>
        {null}
        <Lazy {...props} />
      </>
    ) : (
      <BailoutToCSRForNextDynamic>
        <Lazy {...props} />
      </BailoutToCSRForNextDynamic>
    );
    return !ssr || Loading ? <Suspense fallback={fallback}>{children}</Suspense> : <Fragment>{children}</Fragment>;
  }
  LoadableComponent.displayName = "LoadableComponent";
  return LoadableComponent;
}
