/**
 * The last touches on the generated document, for the tools people generate clients with
 * (openapi-typescript + openapi-fetch, Redocly's recommended rules):
 *
 * - every operation gets an `operationId` derived from its method and path (`putApiV3AuthUser`);
 * - the recursive "any JSON value" schema of metadata values (zod's `z.json()`) becomes one named,
 *   unconstrained `JsonValue`: generated clients type it `unknown`, so a metadata body type-checks
 *   (a recursive union makes openapi-fetch's `Writable` collapse into `any & undefined`).
 */
type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "patch", "delete", "options", "head", "trace"];

/** `PUT /api/v3/auth/user` → `putApiV3AuthUser`; `{projectId}` → `ByProjectId`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith("{") ? `by-${segment.slice(1, -1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+|(?=[A-Z])/))
    .filter(Boolean);
  return [method, ...words]
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join("");
}

function addOperationIds(paths: Json): void {
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (METHODS.includes(method) && typeof operation === "object" && operation !== null) {
        (operation as Json).operationId ??= operationIdOf(method, path);
      }
    }
  }
}

/** A generated component that refers to itself through array items and object values. */
function isRecursiveJsonValue(name: string, schema: unknown): boolean {
  const self = JSON.stringify({ $ref: `#/components/schemas/${name}` });
  const options = (schema as Json | null)?.anyOf;
  return (
    Array.isArray(options) &&
    options.some((option) => JSON.stringify((option as Json).items) === self) &&
    options.some((option) => JSON.stringify((option as Json).additionalProperties) === self)
  );
}

function nameJsonValue(document: Json): Json {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
  const recursive = Object.keys(schemas).filter((name) => isRecursiveJsonValue(name, schemas[name]));
  if (recursive.length === 0) return document;
  let text = JSON.stringify(document);
  for (const name of recursive)
    text = text.replaceAll(`"#/components/schemas/${name}"`, '"#/components/schemas/JsonValue"');
  const renamed = JSON.parse(text) as Json;
  const renamedSchemas = (renamed.components as Json).schemas as Json;
  for (const name of recursive) delete renamedSchemas[name];
  renamedSchemas.JsonValue = { description: "Any JSON value (string, number, boolean, null, array or object)" };
  return renamed;
}

export function finishDocument<T extends object>(document: T): T {
  const named = nameJsonValue(document as Json);
  addOperationIds((named.paths ?? {}) as Json);
  return named as T;
}
