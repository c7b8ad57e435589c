/** One sample of Prometheus's text format, e.g. `http_requests_total{door="trpc",status="200"} 3`. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) {
      total += Number(match[3]);
      found = true;
    }
  }
  if (!found) throw new Error(`No sample of ${name} ${JSON.stringify(labels)}`);
  return total;
}
