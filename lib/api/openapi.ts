import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_ENDPOINTS } from "./catalog";

export const ApiError = z
  .object({
    error: z.object({
      code: z.enum([
        "bad_request",
        "unauthenticated",
        "forbidden",
        "not_found",
        "conflict",
        "validation_failed",
        "rate_limited",
        "internal",
      ]),
      message: z.string().meta({
        description: "In the caller's language (Accept-Language or the NEXT_LOCALE cookie)",
      }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Field path -> message" }),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: "ApiError" });

const ERROR_STATUSES: Record<number, string> = {
  400: "Malformed request",
  401: "Not signed in and no valid API token",
  403: "Not permitted for the caller's role",
  404: "Not found or outside the caller's scope",
  409: "Stale version: someone changed the record meanwhile",
  422: "Invalid input, with field-level messages",
};

let cached: unknown;

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
  });
  registry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
    description: "API token (rl_...)",
  });
  for (const { def } of API_ENDPOINTS) {
    const statuses = [
      401,
      403,
      404,
      ...(def.query ? [def.invalidQuery === "validation_failed" ? 422 : 400] : []),
      ...(def.body ? [400, 409, 422] : []),
      ...(def.multipart ? [422] : []),
    ];
    registry.registerPath({
      method: def.method,
      path: def.path,
      summary: def.summary,
      tags: [def.tag],
      description: `Requires permission \`${def.permission}\`.`,
      request: {
        ...(def.params ? { params: def.params as z.ZodObject } : {}),
        ...(def.query ? { query: def.query as z.ZodObject } : {}),
        ...(def.body ? { body: { content: { "application/json": { schema: def.body } } } } : {}),
        ...(def.multipart
          ? { body: { content: { "multipart/form-data": { schema: def.multipart } } } }
          : {}),
      },
      responses: {
        [def.successStatus ?? 200]: def.fileResponse
          ? {
              description: "The file",
              content: Object.fromEntries(
                [def.fileResponse]
                  .flat()
                  .map((type) => [type, { schema: { type: "string", format: "binary" } }]),
              ),
            }
          : { description: "OK", content: { "application/json": { schema: def.response } } },
        ...Object.fromEntries(
          Object.entries(def.otherResponses ?? {}).map(([status, other]) => [
            status,
            {
              description: other.description,
              content: { "application/json": { schema: other.schema } },
            },
          ]),
        ),
        ...Object.fromEntries(
          [...new Set(statuses)].map((status) => [
            status,
            {
              description: ERROR_STATUSES[status] ?? "Error",
              content: { "application/json": { schema: ApiError } },
            },
          ]),
        ),
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Reform Ledger API",
      version: "1.0.0",
      description:
        "SOE reform programmes, work ledgers and reviews. Every call is scoped to the caller's enterprises.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ session: [] }, { token: [] }],
  });
  return cached;
}
