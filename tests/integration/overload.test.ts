/**
 * Overload answers: a statement cut by the statement timeout, and a pool with no connection to
 * give, answer 503 `unavailable` with Retry-After (JSON), never 500; the app serves again as soon
 * as the load is gone. A tiny pool (1 connection, 0.5 s wait) and a 0.5 s statement timeout
 * stand in for a busy server.
 */
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse, type Endpoint } from "@/lib/api/endpoint";
import { createApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { getMe } from "@/lib/me/api";
import { saveViewEndpoint } from "@/lib/saved-views/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let token = "";

beforeAll(async () => {
  // Read once, at getDb()'s first use below.
  process.env.DATABASE_POOL_MAX = "1";
  process.env.DATABASE_POOL_WAIT_MS = "500";
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "500";
  db = await seededTestDatabase();
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  token = (await createApiToken(admin.id, "overload")).token;
});
afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => {});
  await db?.drop();
});

async function call(endpoint: Endpoint, body?: unknown) {
  const request = new NextRequest("http://localhost/api/v1/x", {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "accept-language": "en",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const started = performance.now();
  const response = await endpoint.handler(request, { params: Promise.resolve({}) });
  return {
    status: response.status,
    ms: performance.now() - started,
    retryAfter: response.headers.get("retry-after"),
    type: response.headers.get("content-type"),
    json: (await response.json()) as { error?: { code: string; message: string } },
  };
}

function expectUnavailable(res: Awaited<ReturnType<typeof call>>) {
  expect(res.status).toBe(503);
  expect(res.retryAfter).toBe("5");
  expect(res.type).toMatch(/application\/json/);
  expect(res.json.error?.code).toBe("unavailable");
  expect(res.json.error?.message).toMatch(/temporarily unavailable/);
}

describe("statement timeout", () => {
  it("cancels a statement that runs past it and answers 503 with Retry-After", async () => {
    // Another session holds the table: the endpoint's insert waits on the lock, as it would
    // behind a slow migration or a runaway report, until its statement timeout cancels it.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query(`BEGIN; LOCK TABLE "SavedView" IN ACCESS EXCLUSIVE MODE`);
      const res = await call(saveViewEndpoint, { name: "slow", query: "colour=red" });
      expectUnavailable(res);
      expect(res.ms).toBeGreaterThanOrEqual(450);
      expect(res.ms).toBeLessThan(3_000);
      await blocker.query("ROLLBACK");
    } finally {
      await blocker.end();
    }
    // Nothing half-written, and the same call succeeds once the lock is gone.
    expect(await db.prisma.savedView.count({ where: { name: "slow" } })).toBe(0);
    expect((await call(saveViewEndpoint, { name: "slow", query: "colour=red" })).status).toBe(201);
  });
});

describe("pool exhausted", () => {
  it("answers 503 with Retry-After, for plain queries and for transactions", async () => {
    let release!: () => void;
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    // One transaction holds the pool's only connection, as a burst of slow requests would.
    const held = getDb().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        started();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 10_000 },
    );
    await holding;
    try {
      const res = await call(getMe);
      expectUnavailable(res);
      expect(res.ms).toBeLessThan(2_000);

      // "Unable to start a transaction in the given time" (P2028), or the pool's own timeout.
      const error: unknown = await getDb()
        .$transaction(async (tx) => tx.$queryRaw`SELECT 1`)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeDefined();
      const response = errorResponse(error, "en", "test");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
    } finally {
      release();
      await held;
    }
    expect((await call(getMe)).status).toBe(200);
  });
});
