// The browser's `next/dynamic` (src/lib/next-dynamic-browser.tsx, aliased in next.config.mjs) must
// render the element tree Next's own renders on the server, or hydration would not match (and
// `useId` would give the browser other ids than the HTML has). Checked by rendering both around
// components that show their `useId`; and Next's files it mirrors are pinned: a Next upgrade that
// changes them fails here, to be looked at (and the hashes updated) before it ships.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import NextDynamic from "next/dist/shared/lib/app-dynamic";
import { createElement, Fragment, type ReactNode, useId } from "react";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";

import browserDynamic from "@/lib/next-dynamic-browser";

const require = createRequire(import.meta.url);
const MIRRORED = {
  "next/dist/shared/lib/app-dynamic.js": "a1f952094bcd2c59",
  "next/dist/shared/lib/lazy-dynamic/loadable.js": "6f31279cfdbcf19d",
  "next/dist/shared/lib/lazy-dynamic/dynamic-bailout-to-csr.js": "5bfefb152ae0bddb",
};

function Shows({ label }: { label: string }) {
  return createElement("span", null, `${label}:${useId()}`);
}

async function html(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  return new Response(prelude).text();
}

/** A page using `dynamic` as the app does: a lazily loaded component among others, each with an id. */
function page(dynamic: typeof browserDynamic) {
  const Loaded = dynamic(() =>
    Promise.resolve({
      default: ({ children }: { children?: ReactNode }) =>
        createElement(Fragment, null, createElement(Shows, { label: "loaded" }), children),
    }),
  );
  return createElement(
    "main",
    null,
    createElement(Shows, { label: "before" }),
    createElement(Loaded, null, createElement(Shows, { label: "child" })),
    createElement(Shows, { label: "after" }),
  );
}

describe("next/dynamic in the browser", () => {
  it("renders the tree Next renders on the server (same HTML, same useId ids)", async () => {
    const server = await html(page(NextDynamic as unknown as typeof browserDynamic));
    expect(server).toContain("loaded:");
    expect(await html(page(browserDynamic))).toBe(server);
  });

  it("mirrors the Next files it was written from (Next 16.4)", () => {
    const hashes = Object.fromEntries(
      Object.keys(MIRRORED).map((file) => [
        file,
        createHash("sha256")
          .update(readFileSync(require.resolve(file)))
          .digest("hex")
          .slice(0, 16),
      ]),
    );
    expect(hashes).toEqual(MIRRORED);
  });
});
