/**
 * A database outage as the API sees it: PostgreSQL of this file's own (so it can be stopped)
 * answers, is stopped, and comes back on the same port. While it is down every endpoint answers
 * 503 `unavailable` with Retry-After within 2 s, readiness says 503 and liveness stays 200;
 * within seconds of its return the same calls succeed again, with no restart of the app.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { NextRequest } from "next/server";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { liveHandler, readyHandler } from "@/lib/api/health";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createApiToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { getMe } from "@/lib/me/api";
import { saveViewEndpoint } from "@/lib/saved-views/api";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-it-outage-"));
fs.chmodSync(tmp, 0o755); // as root the server runs as `postgres`
const dataDir = path.join(tmp, "pg");
let db: EmbeddedDatabase | undefined;
let port = 0;
let token = "";

beforeAll(async () => {
  db = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
  port = db.port;
  await applyMigrations(db.url);
  process.env.DATABASE_URL = db.url; // before getDb()'s first use
  const user = await getDb().user.create({
    data: {
      username: "outage-admin",
      displayName: "Outage Admin",
      passwordHash: "x",
      role: "ADMIN",
      scopeAll: true,
    },
  });
  token = (await createApiToken(user.id, "outage")).token;
}, 120_000);

afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => {});
  await db?.stop().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
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
    json: (await response.json()) as { error?: { code: string; message: string } },
  };
}

const saveView = (name: string) => call(saveViewEndpoint, { name, query: "colour=red" });

describe("database outage", () => {
  it("answers normally while the database is up", async () => {
    expect((await call(getMe)).status).toBe(200);
    expect((await saveView("before")).status).toBe(201);
    expect((await readyHandler()).status).toBe(200);
  });

  it("answers 503 unavailable with Retry-After within 2 s while it is down", async () => {
    await db!.stop();
    for (const attempt of [
      () => call(getMe),
      () => saveView("during"),
      () => call(getMe), // again: the pool has no stale connection to hang on
    ]) {
      const res = await attempt();
      expect(res.status).toBe(503);
      expect(res.ms).toBeLessThan(2_000);
      expect(res.retryAfter).toBe("5");
      expect(res.json.error?.code).toBe("unavailable");
      expect(res.json.error?.message).toMatch(/temporarily unavailable/);
    }
    const started = performance.now();
    const ready = await readyHandler();
    expect(ready.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(ready.headers.get("retry-after")).toBe("5");
    expect(((await ready.json()) as { status: string }).status).toBe("unavailable");
    // The process itself is fine.
    expect((await liveHandler()).status).toBe(200);
  });

  it("is back within seconds of the database's return, with nothing of the failed write", async () => {
    db = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    expect(db.port).toBe(port);
    const started = performance.now();
    let status = 0;
    while (performance.now() - started < 10_000) {
      status = (await call(getMe)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await saveView("after")).status).toBe(201);
    expect((await readyHandler()).status).toBe(200);
    const names = (await getDb().savedView.findMany({ select: { name: true } })).map((v) => v.name);
    expect(names.sort()).toEqual(["after", "before"]);
  });
});

describe("what a page shows meanwhile", () => {
  // A page whose server part failed (the database is down) falls to app/error.tsx; Next.js
  // passes the error with only its digest (no internals) and a retry.
  const error = Object.assign(new Error("hidden"), { digest: "1234567890" });
  it.each([
    ["zh-CN", zh, "页面出错了", "重试"],
    ["en", en, "Something went wrong", "Try again"],
  ] as const)(
    "a readable error page in %s, with a retry and the digest",
    (locale, messages, title, retry) => {
      const html = renderToString(
        h(NextIntlClientProvider, {
          locale,
          messages,
          timeZone: "Asia/Shanghai",
          children: h(ErrorPage, { error, retry: () => {} }),
        }),
      );
      expect(html).toContain(title);
      expect(html).toContain(retry);
      expect(html).toContain("1234567890");
      expect(html).not.toContain("hidden");
    },
  );

  it("the last-resort page (the root layout failed) speaks both languages", () => {
    const html = renderToString(h(GlobalError, { error, retry: () => {} }));
    expect(html).toContain("页面出错了");
    expect(html).toContain("Something went wrong");
  });
});
