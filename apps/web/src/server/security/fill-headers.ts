import type { ServerResponse } from "node:http";

/**
 * Adds `defaults` to the response when its headers go out, each only if the response did not set
 * it (with `setHeader`, `appendHeader` or in `writeHead`'s own headers, which take precedence).
 */
export function fillMissingHeaders(res: ServerResponse, defaults: Record<string, string>): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (...args: unknown[]) => {
    if (!res.headersSent) {
      for (const [name, value] of Object.entries(defaults)) if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    return writeHead(...args);
  };
}
