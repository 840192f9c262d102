import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { loadActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { can, type Action, type Actor } from "@/lib/auth/policy";
import { actorFromBearer } from "@/lib/auth/tokens";
import { recordDenial } from "@/lib/audit/record-denial";
import { getDb, isDatabaseUnavailable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, pickLocale, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { inputErrorFromDatabase } from "./db-errors";
import { findUnstorableText } from "@/lib/storable-text";
import { fieldErrors } from "@/lib/i18n/zod";

type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * One /api/v1 endpoint: its contract (fed to the OpenAPI document) and its handler. Every route
 * goes through here, so each one resolves the actor (session or API token), checks its declared
 * permission, validates its input with zod and answers errors as JSON with a stable code.
 */
export type EndpointDef<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
> = {
  method: Method;
  /** OpenAPI-style path below /api/v1, e.g. "/enterprises/{id}". */
  path: string;
  summary: string;
  tag: string;
  permission: Action;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  successStatus?: number;
  /** For the OpenAPI document: a multipart/form-data request (the handler reads the form itself). */
  multipart?: z.ZodType;
  /** For the OpenAPI document: the response is a file of this media type (or these), not JSON. */
  fileResponse?: string | readonly string[];
  /** For the OpenAPI document: a domain rule can refuse this operation with 422 (e.g. "still in use"). */
  refusable?: boolean;
  /** For the OpenAPI document: further success answers, e.g. 202 with a job for large files. */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
  /**
   * How an invalid query string is answered: 400 by default; 422 with field messages where the
   * query is what a form submits (e.g. a bulletin's options).
   */
  invalidQuery?: "bad_request" | "validation_failed";
};

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export type EndpointContext<P, Q, B> = {
  actor: Actor;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  locale: Locale;
  requestId: string;
  request: NextRequest;
};

export type Endpoint = {
  def: EndpointDef<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, z.ZodType>;
  handler: (
    request: NextRequest,
    context: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
};

export function endpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(
  def: EndpointDef<P, Q, B, R>,
  run: (ctx: EndpointContext<P, Q, B>) => Promise<z.input<R> | Response>,
): Endpoint {
  const handler = async (
    request: NextRequest,
    context: { params: Promise<Record<string, string>> },
  ) => {
    const requestId = randomUUID();
    const locale = pickLocale(
      request.cookies.get(LOCALE_COOKIE)?.value,
      request.headers.get("accept-language"),
    );
    let actor: Actor | null = null;
    try {
      assertSameOrigin(request);
      actor = await resolveActor(request);
      if (!actor) throw new AppError("unauthenticated");
      if (!can(actor, def.permission)) throw new AppError("forbidden");

      const rawParams = await context.params;
      const rawQuery = Object.fromEntries(request.nextUrl.searchParams);
      // A malformed id can name no record: answer as for any record that does not exist.
      if (findUnstorableText(rawParams) !== null) throw new AppError("not_found");
      if (def.query) assertStorable(rawQuery, "bad_request");
      const params = def.params ? parseOr(def.params, rawParams, "not_found", locale) : undefined;
      const query = def.query
        ? parseOr(def.query, rawQuery, def.invalidQuery ?? "bad_request", locale)
        : undefined;
      assertContentType(request, def);
      let body: unknown;
      if (def.body) {
        let raw: unknown;
        try {
          raw = await request.json();
        } catch {
          throw new AppError("bad_request", "Request body is not valid JSON");
        }
        assertStorable(raw, "validation_failed");
        body = parseOr(def.body, raw, "validation_failed", locale);
      }
      const result = await run({
        actor,
        params: params as Infer<P>,
        query: query as Infer<Q>,
        body: body as Infer<B>,
        locale,
        requestId,
        request,
      });
      if (result instanceof Response) return result;
      // Parsing the result through its schema strips anything not in the public contract.
      const dto = def.response.parse(result);
      return NextResponse.json(dto, {
        status: def.successStatus ?? 200,
        headers: { "x-request-id": requestId },
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "forbidden") {
        // Every 403 leaves an "access.denied" row; failing to write it must not change the answer.
        await recordDenial(getDb(), {
          actor,
          permission: def.permission,
          entityType: "request",
          entityId: `${request.method} ${request.nextUrl.pathname}`,
          reason: "forbidden",
          requestId,
        }).catch(() => undefined);
      }
      return errorResponse(error, locale, requestId);
    }
  };
  return { def: def as Endpoint["def"], handler };
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A Bearer token is sent by a program on purpose; a browser never attaches one on its own. */
const isBearer = (request: NextRequest) =>
  /^bearer\s/i.test(request.headers.get("authorization") ?? "");

/**
 * Cross-site request forgery guard for writes that ride on the session cookie. SameSite=Lax does
 * not separate sibling hosts of one intranet domain (same site, other origin), so a write must
 * name this origin in `Origin`, or, without it, be `Sec-Fetch-Site: same-origin` (or `none`, typed
 * by the user). Browsers send Origin on every POST/PUT/PATCH/DELETE fetch; Bearer-token clients
 * carry no ambient credentials and are exempt.
 */
function assertSameOrigin(request: NextRequest) {
  if (!WRITES.has(request.method) || isBearer(request)) return;
  const origin = request.headers.get("origin");
  const ok =
    origin !== null
      ? normalOrigin(origin) === requestOrigin(request)
      : ["same-origin", "none"].includes(request.headers.get("sec-fetch-site") ?? "");
  if (!ok)
    throw new AppError("forbidden", "cross-origin write", undefined, { reason: "crossOrigin" });
}

/**
 * The origin the client addressed: the Host header (X-Forwarded-Host/-Proto behind a reverse
 * proxy, which a browser cannot set on a cross-site request) and the scheme it was reached on.
 */
function requestOrigin(request: NextRequest): string | null {
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? request.nextUrl.host;
  const proto = first("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  return normalOrigin(`${proto}://${host}`);
}

/** `scheme://host[:port]` with the default port dropped and lower case; null for "null" or junk. */
function normalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** JSON endpoints take JSON only (415 otherwise); uploads take multipart/form-data only (400). */
function assertContentType(request: NextRequest, def: Endpoint["def"]) {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (def.body && type !== "application/json") {
    throw new AppError("unsupported_media_type", undefined, undefined, {
      expected: "application/json",
    });
  }
  if (def.multipart && type !== "multipart/form-data") {
    throw new AppError("bad_request", "multipart/form-data expected", undefined, {
      expected: "multipart/form-data",
    });
  }
}

async function resolveActor(request: NextRequest): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) return actorFromBearer(authorization);
  const session = await getServerSession(authOptions);
  return session?.user?.id ? loadActor(session.user.id, "session") : null;
}

/** Text PostgreSQL cannot store (NUL, a lone surrogate) is refused by field, before any schema. */
function assertStorable(input: unknown, code: "bad_request" | "validation_failed") {
  const field = findUnstorableText(input);
  if (field !== null) throw new AppError(code, "unstorable text", { [field]: "unstorableText" });
}

function parseOr<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: "not_found" | "bad_request" | "validation_failed",
  locale: Locale,
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  if (code === "not_found") throw new AppError("not_found");
  throw new AppError(code, undefined, fieldErrors(parsed.error, locale));
}

/** Seconds a client should wait before retrying a 503 (the database usually restarts in seconds). */
export const RETRY_AFTER_SECONDS = 5;

export function errorResponse(error: unknown, locale: Locale, requestId: string): Response {
  const t = translator(locale);
  const appError = toAppError(error);
  if (appError.code === "internal") {
    console.error(`[api] ${requestId}`, error);
  } else if (appError.code === "unavailable" && !(error instanceof AppError)) {
    // Prisma's message spans several lines; its last says what happened.
    const reason = String((error as Error)?.message ?? error)
      .trim()
      .split("\n")
      .at(-1);
    console.warn(`[api] ${requestId} database unavailable: ${reason}`);
  }
  const reason = appError.details?.reason;
  return NextResponse.json(
    {
      error: {
        code: appError.code,
        message:
          typeof reason === "string" && t.has(`security.${reason}` as never)
            ? t(`security.${reason}` as never)
            : t(`errors.${appError.code}`, { requestId }),
        ...(appError.fields ? { fields: translateFields(appError.fields, t) } : {}),
        ...(appError.details ? { details: appError.details } : {}),
        requestId,
      },
    },
    {
      status: appError.status,
      headers: {
        "x-request-id": requestId,
        ...(appError.code === "unavailable" ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}),
      },
    },
  );
}

/** Field messages are keys under "validation" where the domain set them, else already translated. */
function translateFields(fields: Record<string, string>, t: ReturnType<typeof translator>) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => [
      field,
      t.has(`validation.${message}` as never) ? t(`validation.${message}` as never) : message,
    ]),
  );
}

/**
 * Known failures keep their meaning; database constraint errors map to 404/409 (and refusals of
 * the input to 409/422, lib/api/db-errors.ts); an unreachable
 * database is 503 "unavailable" (retry later); the rest is 500.
 */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError("internal"); // a response that broke its own contract
  if (isDatabaseUnavailable(error)) return new AppError("unavailable");
  const code = (error as { code?: unknown })?.code;
  if (code === "P2025") return new AppError("not_found");
  if (code === "P2002" || code === "P2034") return new AppError("conflict");
  const input = inputErrorFromDatabase(error);
  if (input) return new AppError(input);
  return new AppError("internal");
}
