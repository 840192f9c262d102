/**
 * Conflicting writers on one record, at once, through the real connection pool: every write is
 * either accepted or answered 409, nothing is lost or written twice, the audit journal holds exactly
 * the accepted writes and the record ends as the last accepted write left it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { claimCompletion } from "@/lib/ledger/claim-completion";
import { uploadEvidence } from "@/lib/ledger/evidence";
import { recordProgress } from "@/lib/ledger/record-progress";
import { reviewEntry } from "@/lib/review/review-entry";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, currentPeriod, openItemOf, pdfFile } from "./fixtures";

const CLIENTS = 50;
const EDITS_PER_CLIENT = 20;

let db: TestDatabase;
let liaisonCrrc: Actor;
let reviewerCentral: Actor;

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
});
afterAll(async () => {
  await db?.drop();
});

type Outcome = { kind: "accepted"; version: number; percentDone: number } | { kind: "conflict" };

async function attempt(itemId: string, client: number, edit: number): Promise<Outcome> {
  // Each client reads the version it edits, as a browser does when it opens the form.
  const { version } = await db.prisma.ledgerItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { version: true },
  });
  const percentDone = 1 + ((client * EDITS_PER_CLIENT + edit) % 98);
  try {
    const result = await recordProgress(liaisonCrrc, {
      itemId,
      locale: "zh-CN",
      input: {
        version,
        period: currentPeriod(),
        narrative: `客户端 ${client} 第 ${edit} 次填报`,
        percentDone,
      },
    });
    return { kind: "accepted", version: result.item.version, percentDone };
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return { kind: "conflict" };
    throw error;
  }
}

describe("concurrent edits", () => {
  it(`${CLIENTS} clients x ${EDITS_PER_CLIENT} conflicting progress entries on one item`, async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 3 });
    const [entriesBefore, auditsBefore] = await Promise.all([
      db.prisma.progressEntry.count({ where: { ledgerItemId: item.id } }),
      db.prisma.auditLog.count({
        where: { entityId: item.id, action: "ledgerItem.recordProgress" },
      }),
    ]);

    const outcomes = (
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const mine: Outcome[] = [];
          for (let edit = 0; edit < EDITS_PER_CLIENT; edit += 1) {
            mine.push(await attempt(item.id, client, edit));
          }
          return mine;
        }),
      )
    ).flat();

    const accepted = outcomes.filter((o) => o.kind === "accepted");
    const conflicts = outcomes.filter((o) => o.kind === "conflict");
    expect(accepted.length + conflicts.length).toBe(CLIENTS * EDITS_PER_CLIENT);
    expect(accepted.length).toBeGreaterThan(0);
    // Each accepted write moved the version by exactly one: no two writers won the same version.
    const versions = accepted.map((o) => o.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(accepted.length);
    expect(versions[0]).toBe(item.version + 1);
    expect(versions.at(-1)).toBe(item.version + accepted.length);

    const [final, entriesAfter, auditsAfter] = await Promise.all([
      db.prisma.ledgerItem.findUniqueOrThrow({
        where: { id: item.id },
        select: { version: true, percentDone: true },
      }),
      db.prisma.progressEntry.count({ where: { ledgerItemId: item.id } }),
      db.prisma.auditLog.count({
        where: { entityId: item.id, action: "ledgerItem.recordProgress" },
      }),
    ]);
    expect(entriesAfter - entriesBefore).toBe(accepted.length);
    expect(auditsAfter - auditsBefore).toBe(accepted.length);
    const last = accepted.find((o) => o.version === final.version);
    expect(final.version).toBe(item.version + accepted.length);
    expect(final.percentDone).toBe(last?.percentDone);
  }, 120_000);

  it("four decisions on one claim at once: one decision stands, the other gets 409", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 4 });
    const claim = await claimCompletion(liaisonCrrc, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: currentPeriod(),
        statement: "任务已全部完成，附验收报告。",
        evidenceIds: [(await uploadEvidence(liaisonCrrc, { itemId: item.id, file: pdfFile() })).id],
        justification: "指标尚未全部达标，但改革举措均已落实，详见验收报告。",
      },
    });
    const entryId = claim.entry.id;
    const decide = (actor: Actor, decision: "APPROVE" | "RETURN") =>
      reviewEntry(actor, {
        entryId,
        locale: "zh-CN",
        input: decision === "RETURN" ? { decision, comment: "材料不全。" } : { decision },
      }).then(
        () => "accepted" as const,
        (error: unknown) => {
          if (error instanceof AppError && error.status === 409) return "conflict" as const;
          throw error;
        },
      );
    const results = await Promise.all([
      decide(reviewerCentral, "APPROVE"),
      decide(reviewerCentral, "RETURN"),
      decide(reviewerCentral, "APPROVE"),
      decide(reviewerCentral, "RETURN"),
    ]);
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(3);
    const reviews = await db.prisma.entryReview.count({ where: { entryId } });
    expect(reviews).toBe(1);
    const audits = await db.prisma.auditLog.count({
      where: { entityId: entryId, action: { startsWith: "entry.review." } },
    });
    expect(audits).toBe(1);
  });
});
