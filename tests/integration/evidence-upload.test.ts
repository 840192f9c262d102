/**
 * Evidence uploads through the real endpoint: scope before the body, the size limit while the body
 * streams (413 JSON without buffering it), type by content; and the scheduled sweep of files never
 * attached to an entry, driven with a moved clock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { JOBS } from "@/lib/jobs/worker";
import { uploadEvidenceEndpoint } from "@/lib/ledger/api";
import { storagePath } from "@/lib/ledger/evidence";
import { EVIDENCE_MAX_BYTES } from "@/lib/ledger/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { disguisedExecutable, openItemOf, pdfFile } from "./fixtures";

let db: TestDatabase;
let token = "";
const SITE = "http://ledger.intranet.example";

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "liaison-crrc" } });
  token = (await createApiToken(user.id, "uploads")).token;
});
afterAll(async () => {
  await db?.drop();
});

/** A multipart body produced on demand, counting how much the server pulled from it. */
function streamingBody(totalBytes: number) {
  const boundary = "----evidence-boundary";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const state = { pulled: 0 };
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        state.pulled += head.byteLength;
        controller.enqueue(head);
        return;
      }
      if (state.pulled >= totalBytes) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(itemId: string, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${SITE}/api/v1/ledger-items/${itemId}/evidence`, {
    method: "POST",
    headers: { host: new URL(SITE).host, authorization: `Bearer ${token}`, ...headers },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const response = await uploadEvidenceEndpoint.handler(request, {
    params: Promise.resolve({ id: itemId }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: JSON.parse(text) as {
      id?: string;
      error?: { code: string; fields?: Record<string, string> };
    },
  };
}

function form(file: File) {
  const data = new FormData();
  data.set("file", file);
  return data;
}

const evidenceCount = () => db.prisma.evidence.count({ where: { kind: "FILE" } });

describe("uploading evidence", () => {
  it("stores a real PDF (201)", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const res = await upload(item.id, form(pdfFile()));
    expect(res.status).toBe(201);
    expect(res.json.id).toBeTruthy();
  });

  it("refuses a declared Content-Length over the limit with 413 JSON before reading the body", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const before = await evidenceCount();
    const body = streamingBody(EVIDENCE_MAX_BYTES * 2);
    const res = await upload(item.id, body.stream, {
      "content-type": body.contentType,
      "content-length": String(EVIDENCE_MAX_BYTES * 2),
      "accept-language": "en",
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.json.error?.fields?.file).toMatch(/20 MB/);
    expect(body.state.pulled).toBeLessThan(256 * 1024); // at most what the stream pre-buffers
    expect(await evidenceCount()).toBe(before);
  });

  it("stops a body without Content-Length as soon as it passes the limit (413)", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const before = await evidenceCount();
    const body = streamingBody(EVIDENCE_MAX_BYTES * 3);
    const res = await upload(item.id, body.stream, { "content-type": body.contentType });
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe("validation_failed");
    // Cancelled just past the limit, not read to the end (60 MB).
    expect(body.state.pulled).toBeLessThan(EVIDENCE_MAX_BYTES + 1024 * 1024);
    expect(await evidenceCount()).toBe(before);
  });

  it("checks the item's scope before reading the body (404 outside scope)", async () => {
    const other = await openItemOf(db.prisma, "liaison-telecom");
    const body = streamingBody(EVIDENCE_MAX_BYTES * 2);
    const res = await upload(other.id, body.stream, { "content-type": body.contentType });
    expect(res.status).toBe(404);
    expect(body.state.pulled).toBeLessThan(256 * 1024);
  });

  it("judges the type by the bytes: a renamed executable is refused (422)", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const res = await upload(item.id, form(disguisedExecutable()));
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error?.fields ?? {})).toEqual(["file"]);
  });
});

describe("the orphan sweep (scheduled job)", () => {
  it("removes files never attached to an entry after a day, keeps newer and attached ones", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const orphan = await upload(item.id, form(pdfFile("orphan.pdf")));
    const attached = await upload(item.id, form(pdfFile("attached.pdf")));
    const entry = await db.prisma.progressEntry.findFirstOrThrow({
      where: { ledgerItemId: item.id },
    });
    await db.prisma.evidence.update({
      where: { id: attached.json.id! },
      data: { entryId: entry.id },
    });
    const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id: orphan.json.id! } });
    const file = storagePath(row.storageKey!);
    expect(fs.existsSync(file)).toBe(true);

    const sweep = JOBS["evidence.sweepOrphans"]!.run;
    const uploadedAt = row.createdAt.getTime();
    await sweep(new Date(uploadedAt + 23 * 3600_000));
    expect(await db.prisma.evidence.count({ where: { id: orphan.json.id! } })).toBe(1);

    const result = (await sweep(new Date(uploadedAt + 25 * 3600_000))) as { removed: number };
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.evidence.count({ where: { id: orphan.json.id! } })).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    expect(await db.prisma.evidence.count({ where: { id: attached.json.id! } })).toBe(1);
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: "evidence.removeOrphan", entityId: orphan.json.id! },
    });
    expect(audit).not.toBeNull();
  });
});
