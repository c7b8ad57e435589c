import { readFileSync } from "node:fs";
import path from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}

interface RoutesManifest {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}

/** A route of the app: its pattern and whether a page or a route handler answers it. */
export interface MatchedRoute {
  pattern: string;
  kind: "page" | "handler" | "asset" | "none";
}

const ASSET: MatchedRoute = { pattern: "/_next/*", kind: "asset" };
const NONE: MatchedRoute = { pattern: "(unmatched)", kind: "none" };

/**
 * Maps a request path to the app's route pattern (`/users/[id]`, never `/users/42`): the log and
 * the metrics must not carry ids or tokens from paths. Read from the build's manifests
 * (`.next/routes-manifest.json`, the list Next.js routes by; `app-path-routes-manifest.json` tells
 * pages from route handlers).
 */
export class RoutePatterns {
  private readonly exact = new Map<string, MatchedRoute>();
  private readonly dynamic: { route: MatchedRoute; regex: RegExp }[] = [];

  constructor(manifest: RoutesManifest, handlers: ReadonlySet<string>) {
    const route = (pattern: string): MatchedRoute => ({ pattern, kind: handlers.has(pattern) ? "handler" : "page" });
    for (const { page } of manifest.staticRoutes ?? []) this.exact.set(page, route(page));
    for (const { page, regex } of manifest.dynamicRoutes ?? []) {
      this.dynamic.push({ route: route(page), regex: new RegExp(regex) });
    }
  }

  /** The build's manifests; without them (a development server before its first compile) nothing matches. */
  static fromBuild(distDir: string): RoutePatterns {
    const read = (name: string): unknown => JSON.parse(readFileSync(path.join(distDir, name), "utf8"));
    try {
      const appPaths = read("app-path-routes-manifest.json") as Record<string, string>;
      const handlers = new Set(
        Object.entries(appPaths)
          .filter(([file]) => file.endsWith("/route"))
          .map(([, pattern]) => pattern),
      );
      return new RoutePatterns(read("routes-manifest.json") as RoutesManifest, handlers);
    } catch {
      return new RoutePatterns({}, new Set());
    }
  }

  /** Whether the build's routes were read (a development server may have none yet). */
  get known(): boolean {
    return this.exact.size + this.dynamic.length > 0;
  }

  /** `pathname` is the raw path (no query), as received. */
  match(pathname: string): MatchedRoute {
    if (pathname.startsWith("/_next/")) return ASSET;
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    const exact = this.exact.get(trimmed);
    if (exact) return exact;
    for (const { route, regex } of this.dynamic) if (regex.test(pathname)) return route;
    return NONE;
  }
}
