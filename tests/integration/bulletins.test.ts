/**
 * Bulletins end to end below HTTP on real PostgreSQL: 401/404/422, files that parse, scope
 * (another tree's rows and cases never appear), and the background job with progress.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiToken } from "@/lib/auth/tokens";
import {
  downloadBulletinJobEndpoint,
  getBulletinEndpoint,
  getBulletinJobEndpoint,
  startBulletinJobEndpoint,
} from "@/lib/bulletins/api";
import { startWorker } from "@/lib/jobs/worker";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

process.env.BULLETIN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bulletins-"));

let db: TestDatabase;
let boss: PgBoss;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const username of ["liaison-crrc", "manager"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
  boss = await startWorker(db.url, () => {});
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true }).catch(() => {});
  await db?.drop();
  fs.rmSync(process.env.BULLETIN_DIR!, { recursive: true, force: true });
});

type Handler = typeof getBulletinEndpoint.handler;
async function call(
  handler: Handler,
  o: { as?: string; path: string; params?: Record<string, string>; body?: unknown },
) {
  const headers: Record<string, string> = { "accept-language": "zh-CN" };
  headers.authorization = `Bearer ${o.as ? tokens[o.as] : "rl_not-a-real-token-at-all"}`;
  if (o.body) headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost/api/v1${o.path}`, {
    method: o.body ? "POST" : "GET",
    headers,
    body: o.body ? JSON.stringify(o.body) : undefined,
  });
  return handler(request, { params: Promise.resolve(o.params ?? {}) });
}

async function xlsxOf(response: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return book;
}
const allText = (book: ExcelJS.Workbook) =>
  book.worksheets
    .flatMap((w) => w.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])))
    .map(String)
    .join("\n");

const enterprise = (code: string) =>
  db.prisma.enterprise.findUniqueOrThrow({ where: { code }, select: { id: true } });

describe("GET /bulletins", () => {
  it("401 without a token, 422 for a bad query, 404 for a node outside the scope", async () => {
    expect((await call(getBulletinEndpoint.handler, { path: "/bulletins" })).status).toBe(401);
    const bad = await call(getBulletinEndpoint.handler, {
      as: "manager",
      path: "/bulletins?format=docx&asOf=2024-13-40",
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(["format", "asOf"]));
    const telecom = await enterprise("TELECOM");
    const outside = await call(getBulletinEndpoint.handler, {
      as: "liaison-crrc",
      path: `/bulletins?enterpriseId=${telecom.id}&format=xlsx`,
    });
    expect(outside.status).toBe(404);
  });

  it("answers a PDF with a UTF-8 file name and no caching", async () => {
    const res = await call(getBulletinEndpoint.handler, { as: "manager", path: "/bulletins" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".+\.pdf"; filename\*=UTF-8''%E9%80%9A%E6%8A%A5-/,
    );
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("gives a CRRC liaison CRRC's rows only", async () => {
    const crrc = await enterprise("CRRC");
    const res = await call(getBulletinEndpoint.handler, {
      as: "liaison-crrc",
      path: `/bulletins?enterpriseId=${crrc.id}&format=xlsx&lang=en`,
    });
    expect(res.status).toBe(200);
    const book = await xlsxOf(res);
    expect(book.worksheets.map((w) => w.name)).toContain("Overview");
    const text = allText(book);
    expect(text).not.toMatch(/Telecom/i);
    const subtree = await db.prisma.enterprise.findMany({
      where: { ancestors: { some: { ancestorId: crrc.id } } },
      select: { nameEn: true },
    });
    const names = new Set(subtree.map((e) => e.nameEn));
    const lagging = book.getWorksheet("Lagging")!;
    expect(lagging.rowCount).toBeGreaterThan(2);
    for (let r = 3; r <= lagging.rowCount; r++)
      expect(names).toContain(String(lagging.getRow(r).getCell(3).value));
  });
});

describe("background bulletins", () => {
  it("renders through the queue with progress, for its owner only", async () => {
    const started = await call(startBulletinJobEndpoint.handler, {
      as: "manager",
      path: "/bulletins/jobs",
      body: { format: "xlsx" },
    });
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string; state: string; progress: number };
    expect(job).toMatchObject({ state: "queued", progress: 0 });
    let status: { state: string; progress: number; downloadUrl: string | null } | undefined;
    for (let i = 0; i < 150 && status?.state !== "done" && status?.state !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const res = await call(getBulletinJobEndpoint.handler, {
        as: "manager",
        path: `/bulletins/jobs/${job.id}`,
        params: { id: job.id },
      });
      status = (await res.json()) as typeof status;
    }
    expect(status).toMatchObject({ state: "done", progress: 100 });
    expect(status!.downloadUrl).toBe(`/api/v1/bulletins/jobs/${job.id}/file`);
    const file = await call(downloadBulletinJobEndpoint.handler, {
      as: "manager",
      path: `/bulletins/jobs/${job.id}/file`,
      params: { id: job.id },
    });
    expect(file.status).toBe(200);
    expect((await xlsxOf(file)).worksheets).toHaveLength(5);
    // Someone else's job does not exist for them.
    const other = await call(getBulletinJobEndpoint.handler, {
      as: "liaison-crrc",
      path: `/bulletins/jobs/${job.id}`,
      params: { id: job.id },
    });
    expect(other.status).toBe(404);
  }, 60_000);

  it("refuses a job for a programme that does not exist before queueing it", async () => {
    const started = await call(startBulletinJobEndpoint.handler, {
      as: "manager",
      path: "/bulletins/jobs",
      body: { format: "pdf", programmeId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(started.status).toBe(404);
  });
});

it("is in the OpenAPI document", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/bulletins", "/bulletins/jobs", "/bulletins/jobs/{id}"]),
  );
  expect(JSON.stringify(doc.paths["/bulletins"])).toContain('"202"');
});
