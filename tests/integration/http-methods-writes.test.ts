/**
 * Writes through endpoint(): cross-site checks and content types.
 *
 * - A write riding on the session cookie must come from this site: a same-origin `Origin`, or
 *   without one `Sec-Fetch-Site: same-origin|none`. A sibling intranet host (same site, other
 *   origin) gets 403 JSON, and nothing is written. Bearer-token calls are exempt.
 * - JSON endpoints take `application/json` only (415); uploads `multipart/form-data` only (400).
 *
 * The session is next-auth's getServerSession, stubbed here to a demo user (the real cookie path
 * runs in e2e/security-headers.spec.ts); everything after it is the real wrapper and database.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { createApiToken } from "@/lib/auth/tokens";
import { uploadEvidenceEndpoint } from "@/lib/ledger/api";
import { getMe } from "@/lib/me/api";
import { deleteSavedViewEndpoint, saveViewEndpoint } from "@/lib/saved-views/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { openItemOf } from "./fixtures";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));

let db: TestDatabase;
let userId = "";
let token = "";
const SITE = "http://ledger.intranet.example";

beforeAll(async () => {
  db = await seededTestDatabase();
  userId = (await db.prisma.user.findUniqueOrThrow({ where: { username: "liaison-crrc" } })).id;
  session.current = { user: { id: userId } };
  token = (await createApiToken(userId, "writes")).token;
});
afterAll(async () => {
  await db?.drop();
});

type Options = {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  params?: Record<string, string>;
};

async function send(endpoint: Endpoint, o: Options = {}) {
  const request = new NextRequest(o.url ?? `${SITE}/api/v1/saved-views`, {
    method: o.method ?? "POST",
    headers: { host: new URL(SITE).host, "accept-language": "en", ...o.headers },
    body: o.body,
  });
  const response = await endpoint.handler(request, { params: Promise.resolve(o.params ?? {}) });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as {
      id?: string;
      error?: { code: string; message: string; details?: { reason?: string } };
    },
  };
}

let n = 0;
const view = () => JSON.stringify({ name: `view ${++n}`, query: "colour=red" });
const json = { "content-type": "application/json" };
const savedViews = () => db.prisma.savedView.count({ where: { userId } });

describe("cross-site writes with the session cookie", () => {
  it("a same-origin write passes (Origin of this site, as browsers send on POST)", async () => {
    const res = await send(saveViewEndpoint, { headers: { ...json, origin: SITE }, body: view() });
    expect(res.status).toBe(201);
  });

  it("Sec-Fetch-Site same-origin or none stands in for a missing Origin", async () => {
    for (const site of ["same-origin", "none"]) {
      const res = await send(saveViewEndpoint, {
        headers: { ...json, "sec-fetch-site": site },
        body: view(),
      });
      expect(res.status, site).toBe(201);
    }
  });

  it("a sibling intranet host, another scheme or port, 'null', or no proof at all: 403 JSON, nothing written", async () => {
    const before = await savedViews();
    const refused: Record<string, string>[] = [
      { origin: "http://evil.intranet.example" },
      { origin: "https://ledger.intranet.example" },
      { origin: "http://ledger.intranet.example:8080" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      {},
    ];
    for (const headers of refused) {
      const res = await send(saveViewEndpoint, { headers: { ...json, ...headers }, body: view() });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json.error?.code).toBe("forbidden");
      expect(res.json.error?.details?.reason).toBe("crossOrigin");
      expect(res.json.error?.message).toMatch(/did not come from this site/);
    }
    // DELETE is guarded the same way, before anything is looked up.
    const del = await send(deleteSavedViewEndpoint, {
      method: "DELETE",
      headers: { origin: "http://evil.intranet.example" },
      params: { id: "0190a5d2-0000-7000-8000-000000000001" },
    });
    expect(del.status).toBe(403);
    expect(await savedViews()).toBe(before);
  });

  it("behind a reverse proxy the forwarded host and scheme are this site's origin", async () => {
    const res = await send(saveViewEndpoint, {
      headers: {
        ...json,
        "x-forwarded-host": "ledger.gov.example",
        "x-forwarded-proto": "https",
        origin: "https://ledger.gov.example",
      },
      body: view(),
    });
    expect(res.status).toBe(201);
  });

  it("reads are not affected: a GET from anywhere is answered as before", async () => {
    const res = await send(getMe, {
      method: "GET",
      headers: { origin: "http://evil.intranet.example" },
    });
    expect(res.status).toBe(200);
  });

  it("a Bearer-token write is exempt (no ambient credentials to abuse)", async () => {
    const res = await send(saveViewEndpoint, {
      headers: {
        ...json,
        authorization: `Bearer ${token}`,
        origin: "http://evil.intranet.example",
      },
      body: view(),
    });
    expect(res.status).toBe(201);
  });
});

describe("content types", () => {
  it("a JSON endpoint refuses other content types with 415 JSON, in the caller's language", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ]) {
      const res = await send(saveViewEndpoint, {
        headers: { origin: SITE, ...(type ? { "content-type": type } : {}) },
        body: view(),
      });
      expect(res.status, type).toBe(415);
      expect(res.json.error?.code).toBe("unsupported_media_type");
    }
    const zh = await send(saveViewEndpoint, {
      headers: { origin: SITE, "content-type": "text/plain", "accept-language": "zh-CN" },
      body: view(),
    });
    expect(zh.json.error?.message).toContain("JSON");
    expect(zh.json.error?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("JSON with a charset parameter is JSON", async () => {
    const res = await send(saveViewEndpoint, {
      headers: { origin: SITE, "content-type": "Application/JSON; charset=utf-8" },
      body: view(),
    });
    expect(res.status).toBe(201);
  });

  it("an upload endpoint refuses anything but multipart/form-data with 400", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const res = await send(uploadEvidenceEndpoint, {
      url: `${SITE}/api/v1/ledger-items/${item.id}/evidence`,
      headers: { ...json, origin: SITE },
      body: JSON.stringify({ file: "not a file" }),
      params: { id: item.id },
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.code).toBe("bad_request");
  });
});
