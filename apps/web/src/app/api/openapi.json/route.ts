import { providedLoadedConfig } from "@/server/config-holder";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";
import { buildOpenApiDocument } from "@/server/openapi/document";

let document: string | undefined;

/** `GET /api/openapi.json`: the OpenAPI 3.1 document (built once per process). */
const route = routeMethods(nativeDoor("trpc"), {
  GET: (request) => {
    document ??= JSON.stringify(
      buildOpenApiDocument(providedLoadedConfig()?.config.appUrl ?? new URL(request.url).origin),
    );
    return Promise.resolve(new Response(document, { headers: { "content-type": "application/json; charset=utf-8" } }));
  },
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
