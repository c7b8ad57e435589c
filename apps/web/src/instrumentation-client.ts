// Runs in the browser before the app. Zod 4 probes whether it may compile parsers with
// `new Function`; under the pages' CSP (no 'unsafe-eval') the probe is a reported violation.
// Browsers parse little: interpret instead (zod reads this global config, on the server too,
// but this file only runs in the browser).
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
