/** "Chrome on macOS" from a user agent, good enough for a list of one's own devices. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\/|Opera/, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrom(e|ium)\//, "Chrome"],
      [/Safari\//, "Safari"],
      [/curl\//, "curl"],
      [/node|undici/i, "Node.js"],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  const os =
    [
      [/iPhone|iPad|iPod/, "iOS"],
      [/Android/, "Android"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/Windows/, "Windows"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  if (browser && os) return `${String(browser)} on ${String(os)}`;
  return String(browser ?? os ?? userAgent.slice(0, 60));
}
