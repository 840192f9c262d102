/**
 * The /api/v1 handlers end to end below HTTP: API-token auth, declared permissions, scope,
 * validation with localised field messages, error codes and statuses, the OpenAPI document.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiToken } from "@/lib/auth/tokens";
import { getEnterpriseEndpoint, listEnterprisesEndpoint } from "@/lib/enterprises/api";
import {
  getLedgerItemEndpoint,
  listLedgerItemsEndpoint,
  recordProgressEndpoint,
} from "@/lib/ledger/api";
import { getMe } from "@/lib/me/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { currentPeriod, openItemOf } from "./fixtures";

let db: TestDatabase;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const username of ["liaison-crrc", "liaison-telecom", "reviewer-hunan", "manager"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
});
afterAll(async () => {
  await db?.drop();
});

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

async function call(
  handler: Handler,
  options: {
    as?: string;
    token?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    lang?: string;
  },
) {
  const headers: Record<string, string> = { "accept-language": options.lang ?? "zh-CN" };
  const token = options.token ?? (options.as ? tokens[options.as] : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost/api/v1${options.path ?? "/"}`, {
    method: options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET",
    headers,
    body:
      options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("authentication and scope", () => {
  it("401 without a valid token, with a stable code", async () => {
    const res = await call(getMe.handler, { token: "rl_not-a-real-token-at-all" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });

  it("GET /me describes the caller", async () => {
    const res = await call(getMe.handler, { as: "liaison-crrc" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ username: "liaison-crrc", role: "LIAISON", via: "token" });
    expect(res.json.permissions).toContain("ledger.write");
    expect(res.json).not.toHaveProperty("passwordHash");
  });

  it("GET /enterprises returns only the caller's trees", async () => {
    const crrc = await call(listEnterprisesEndpoint.handler, {
      as: "liaison-crrc",
      path: "/enterprises?roots=true",
    });
    expect(crrc.status).toBe(200);
    expect(crrc.json.items.map((e: { code: string }) => e.code)).toEqual(["CRRC"]);
    const hunan = await call(listEnterprisesEndpoint.handler, {
      as: "reviewer-hunan",
      path: "/enterprises?limit=200",
    });
    expect(hunan.json.items.length).toBeGreaterThan(0);
    for (const e of hunan.json.items) expect(e.supervisor.code).toBe("SASAC-HN");
  });

  it("GET /enterprises/{id} is 404 outside the scope, 404 for a malformed id, 200 inside", async () => {
    const telecom = await db.prisma.enterprise.findFirstOrThrow({
      where: { userScopes: { some: { user: { username: "liaison-telecom" } } } },
    });
    const outside = await call(getEnterpriseEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: telecom.id },
    });
    expect(outside.status).toBe(404);
    expect(outside.json.error.code).toBe("not_found");
    expect(
      (
        await call(getEnterpriseEndpoint.handler, {
          as: "liaison-crrc",
          params: { id: "1 OR 1=1" },
        })
      ).status,
    ).toBe(404);
    const inside = await call(getEnterpriseEndpoint.handler, {
      as: "liaison-telecom",
      params: { id: telecom.id },
    });
    expect(inside.status).toBe(200);
    expect(inside.json.id).toBe(telecom.id);
  });

  it("a bad query parameter is a 400 with the field named", async () => {
    const res = await call(listLedgerItemsEndpoint.handler, {
      as: "manager",
      path: "/ledger-items?limit=100000&status=DONE",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(["limit", "status"]);
  });
});

describe("ledger API", () => {
  it("liaison-crrc cannot read or post to a China Telecom item", async () => {
    const item = await openItemOf(db.prisma, "liaison-telecom");
    expect(
      (await call(getLedgerItemEndpoint.handler, { as: "liaison-crrc", params: { id: item.id } }))
        .status,
    ).toBe(404);
    const post = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: item.id },
      body: { version: item.version, period: currentPeriod(), narrative: "x", percentDone: 10 },
    });
    expect(post.status).toBe(404);
    expect(
      (
        await call(getLedgerItemEndpoint.handler, {
          as: "liaison-telecom",
          params: { id: item.id },
        })
      ).status,
    ).toBe(200);
  });

  it("a manager may read but not write (403)", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const res = await call(recordProgressEndpoint.handler, {
      as: "manager",
      params: { id: item.id },
      body: { version: item.version, period: currentPeriod(), narrative: "x", percentDone: 10 },
    });
    expect(res.status).toBe(403);
  });

  it("POST entries: 201, then 409 for the stale version, 422 with localised fields, 400 for broken JSON", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 5 });
    const body = {
      version: item.version,
      period: currentPeriod(),
      narrative: "API 填报",
      percentDone: 33,
    };
    const created = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: item.id },
      body,
    });
    expect(created.status).toBe(201);
    expect(created.json.item.version).toBe(item.version + 1);

    const stale = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: item.id },
      body,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    expect(stale.json.error.details.current.version).toBe(item.version + 1);

    const invalid = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      lang: "en",
      params: { id: item.id },
      body: { ...body, version: item.version + 1, percentDone: 250, period: "1999-01" },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.fields.percentDone).toBe("Must be at most 100.");

    const outside = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: item.id },
      body: { ...body, version: item.version + 1, period: "2019-01" },
    });
    expect(outside.status).toBe(422);
    expect(outside.json.error.fields.period).toBe("报告期不在本改革行动的填报期间内，或尚未开始。");

    const broken = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      params: { id: item.id },
      rawBody: "{not json",
    });
    expect(broken.status).toBe(400);
  });
});

describe("OpenAPI document", () => {
  it("documents every endpoint with its schemas", () => {
    const doc = openApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/me",
        "/enterprises",
        "/enterprises/{id}",
        "/ledger-items",
        "/ledger-items/{id}",
        "/ledger-items/{id}/entries",
        "/ledger-items/{id}/evidence",
        "/evidence/{id}",
      ]),
    );
    expect(doc.paths["/ledger-items/{id}/entries"]).toHaveProperty("post");
    expect(doc.components.schemas).toHaveProperty("RecordProgressInput");
    expect(doc.components.schemas).toHaveProperty("LedgerItemDetail");
  });
});
