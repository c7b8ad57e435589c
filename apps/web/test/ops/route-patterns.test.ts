import { describe, expect, it } from "vitest";

import { RoutePatterns } from "@/server/ops/route-patterns";

const routes = new RoutePatterns(
  {
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/settings", regex: "^/settings(?:/)?$" },
      { page: "/api/auth/signup", regex: "^/api/auth/signup(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/users/[id]", regex: "^/users/([^/]+?)(?:/)?$" },
      { page: "/[projectId]/users/[userId]", regex: "^/([^/]+?)/users/([^/]+?)(?:/)?$" },
    ],
  },
  new Set(["/api/auth/signup", "/users/[id]", "/[projectId]/users/[userId]"]),
);

describe("route patterns", () => {
  it("names the route, never the path's ids or tokens", () => {
    expect(routes.match("/users/42")).toEqual({ pattern: "/users/[id]", kind: "handler" });
    expect(routes.match("/users/1%ff")).toEqual({ pattern: "/users/[id]", kind: "handler" });
    expect(routes.match("/default/users/0b1c")).toEqual({ pattern: "/[projectId]/users/[userId]", kind: "handler" });
    expect(routes.match("/api/auth/signup/")).toEqual({ pattern: "/api/auth/signup", kind: "handler" });
    expect(routes.match("/settings")).toEqual({ pattern: "/settings", kind: "page" });
    expect(routes.match("/")).toEqual({ pattern: "/", kind: "page" });
    expect(routes.match("/_next/static/chunks/app.js")).toEqual({ pattern: "/_next/*", kind: "asset" });
    expect(routes.match("/reset/tok_abcdef")).toEqual({ pattern: "(unmatched)", kind: "none" });
  });

  it("reads the manifests of a build, and matches nothing without one", () => {
    expect(RoutePatterns.fromBuild("/nonexistent").match("/users/1")).toEqual({ pattern: "(unmatched)", kind: "none" });
  });
});
