// Types of urls.mjs (declared once, in index.d.mts).
export {
  isPgliteUrl,
  isPostgresUrl,
  parseDatabaseUrl,
  pgliteUrlForDir,
  redactUrl,
  resolveDatabaseUrl,
  type DatabaseUrlInfo,
  type PgliteUrlInfo,
  type PostgresUrlInfo,
} from "./index.mjs";
