// One sample's value from a Prometheus text page: `name{a="x",b="y"} value`, labels matched as
// given (all of them, any order); 0 when the series is not on the page yet.
export function sampleValue(page: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of page.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const wanted = Object.entries(labels);
    if (wanted.length !== Object.keys(found).length || wanted.some(([key, value]) => found[key] !== value)) continue;
    return Number(match[3]);
  }
  return 0;
}
