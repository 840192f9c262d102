import "server-only";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import { API_ENDPOINTS } from "./catalog";
import type { Endpoint } from "./endpoint";
import { operationIdOf } from "./operation-ids";
import { applySchemaRules } from "./openapi-rules";

export const ApiError = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
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
  400: "Malformed request: a broken JSON body, an invalid query string, or an upload that is not multipart/form-data",
  401: "Not signed in and no valid API token",
  403: "Not permitted for the caller's role; or a write with the session cookie whose Origin is not this site (`details.reason` = crossOrigin)",
  404: "Not found or outside the caller's scope",
  409: "Stale version: someone changed the record meanwhile (or removed a record the request refers to)",
  413: "The upload is larger than the limit (checked while it streams in); nothing was stored",
  415: "The body is not `application/json`",
  422: "Invalid input, with field-level messages (including text PostgreSQL cannot store: NUL, a lone surrogate)",
  503: "The database cannot be reached (code `unavailable`); nothing was changed. Retry after `Retry-After` seconds",
};

/** Which error answers an operation can give, from what it declares. */
function errorStatuses(def: Endpoint["def"]): number[] {
  const statuses = [
    ...(def.query || def.body || def.multipart ? [400] : []),
    401,
    403,
    404,
    ...(def.body ? [409, 415] : []),
    ...(def.multipart ? [413] : []),
    ...(def.body || def.multipart || def.refusable || def.invalidQuery === "validation_failed"
      ? [422]
      : []),
    503,
  ];
  return [...new Set(statuses)].sort();
}

function errorResponse(status: number) {
  return {
    description: ERROR_STATUSES[status] ?? "Error",
    content: { "application/json": { schema: ApiError } },
    ...(status === 503
      ? {
          headers: {
            "Retry-After": {
              description: "Seconds to wait before retrying",
              schema: { type: "integer" as const, minimum: 1 },
            },
          },
        }
      : {}),
  };
}

let cached: unknown;

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description:
      "The browser's session (HttpOnly, SameSite=Lax; named `__Secure-next-auth.session-token` and Secure when served over HTTPS). Writes need a same-origin `Origin`.",
  });
  registry.registerComponent("securitySchemes", "token", {
    type: "http",
    scheme: "bearer",
    description: "API token (rl_...)",
  });
  for (const endpoint of API_ENDPOINTS) {
    const { def } = endpoint;
    registry.registerPath({
      method: def.method,
      path: def.path,
      operationId: operationIdOf(endpoint),
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
        ...Object.fromEntries(errorStatuses(def).map((status) => [status, errorResponse(status)])),
      },
    });
  }
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Reform Ledger API",
      version: "1.0.0",
      description: [
        "SOE reform programmes, work ledgers and reviews. Every call is scoped to the caller's enterprises.",
        "Writes (POST, PUT, PATCH, DELETE) made with the session cookie must come from this site: a same-origin `Origin` header, or `Sec-Fetch-Site: same-origin` when there is none (else 403). Calls with an API token (`Authorization: Bearer`) are exempt.",
        "JSON bodies must be sent as `Content-Type: application/json` (else 415); uploads as `multipart/form-data` (else 400).",
        "When the database cannot be reached every operation answers 503 with code `unavailable` and a `Retry-After` header.",
      ].join("\n\n"),
    },
    servers: [{ url: "/api/v1" }],
    security: [{ session: [] }, { token: [] }],
  });
  applySchemaRules((document.components?.schemas ?? {}) as Parameters<typeof applySchemaRules>[0]);
  cached = document;
  return cached;
}
