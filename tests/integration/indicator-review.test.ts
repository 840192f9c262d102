import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { claimCompletion } from "@/lib/ledger/claim-completion";
import { uploadEvidence } from "@/lib/ledger/evidence";
import { recordProgress } from "@/lib/ledger/record-progress";
import { decideBatch } from "@/lib/review/decide-batch";
import { listReviewQueue, reviewQueueTotal } from "@/lib/review/queue";
import { reviewEntry } from "@/lib/review/review-entry";
import { ReviewQueueQuery } from "@/lib/review/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, currentPeriod, failure, openItemOf, pdfFile } from "./fixtures";

let db: TestDatabase;
let liaison: Actor;
let reviewer: Actor;

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  liaison = await actorFor(db.prisma, "liaison-crrc");
  reviewer = await actorFor(db.prisma, "reviewer-central");
});
afterAll(async () => {
  await db?.drop();
});

/** An item with an indicator, its baseline and target as the checks see them. */
async function itemWithIndicator(skip = 0) {
  const item = await openItemOf(db.prisma, "liaison-crrc", { withIndicator: true, skip });
  const def = await db.prisma.indicatorDefinition.findFirstOrThrow({
    where: { taskId: item.taskId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const own = await db.prisma.ledgerIndicatorTarget.findUnique({
    where: { ledgerItemId_indicatorId: { ledgerItemId: item.id, indicatorId: def.id } },
  });
  const baseline = Number(own?.baseline ?? def.baseline);
  const target = Number(own?.target ?? def.target);
  return { item, def, baseline, target };
}

const progress = (itemId: string, version: number, values: object, extra: object = {}) =>
  recordProgress(liaison, {
    itemId,
    locale: "zh-CN",
    input: {
      version,
      period: currentPeriod(),
      narrative: "本期推进情况。",
      percentDone: 60,
      indicatorValues: values,
      ...extra,
    },
  });

describe("indicator checks on the server", () => {
  it("refuses an implausible value with 422 and the reason, and takes it when confirmed", async () => {
    const { item, def, baseline, target } = await itemWithIndicator();
    // Far beyond three planned distances from the baseline, on the wrong side.
    const wild = baseline - 10 * Math.abs(target - baseline) - 1;
    const values = [{ indicatorId: def.id, value: String(wild) }];
    const refused = await failure(progress(item.id, item.version, values));
    expect(refused.status).toBe(422);
    expect(refused.fields?.["indicatorValues.0.value"]).toBeTruthy();
    expect(refused.details?.indicatorWarnings).toHaveLength(1);

    const taken = await progress(item.id, item.version, values, {
      indicatorWarningsConfirmed: true,
    });
    expect(taken.entry.indicatorValues[0]!.value).toBe(wild);
  });

  it("measures a value against the one reported before it, not only the baseline", async () => {
    const { item, def, baseline, target } = await itemWithIndicator(2);
    const toward = (share: number) => [
      { indicatorId: def.id, value: String(baseline + share * (target - baseline)) },
    ];
    const first = await progress(item.id, item.version, toward(0.9), {
      indicatorWarningsConfirmed: true,
    });
    // Still better than the baseline, but worse than the value reported before: it moves away.
    const refused = await failure(progress(item.id, first.item.version, toward(0.5)));
    expect(refused.status).toBe(422);
    const warnings = (refused.details?.indicatorWarnings as { warnings: { key: string }[] }[])[0]!;
    expect(warnings.warnings.map((w) => w.key)).toContain("movesAway");
  });

  it("needs a justification for a claim whose target is not met, and stores it", async () => {
    const { item, def, baseline } = await itemWithIndicator(1);
    const evidence = await uploadEvidence(liaison, { itemId: item.id, file: pdfFile() });
    const input = {
      version: item.version,
      period: currentPeriod(),
      statement: "任务已完成，指标尚差一点。",
      evidenceIds: [evidence.id],
      indicatorValues: [{ indicatorId: def.id, value: String(baseline) }],
      indicatorWarningsConfirmed: true,
    };
    const refused = await failure(
      claimCompletion(liaison, { itemId: item.id, locale: "zh-CN", input }),
    );
    expect(refused.status).toBe(422);
    // A key under "validation", translated at the API boundary.
    expect(refused.fields?.justification).toBe("justificationRequired");

    const justification = "受市场环境影响指标未全部达标，但改革举措已全部落实到位。";
    const claimed = await claimCompletion(liaison, {
      itemId: item.id,
      locale: "zh-CN",
      input: { ...input, justification },
    });
    expect(claimed.entry.justification).toBe(justification);

    const queue = await listReviewQueue(reviewer, ReviewQueueQuery.parse({ limit: "200" }));
    const card = queue.items.find((q) => q.entry.id === claimed.entry.id)!;
    expect(card.entry.justification).toBe(justification);
    const ind = card.indicators.find((i) => i.id === def.id)!;
    expect(ind.standing).toBe("notMet");
    expect(ind.value).toBe(baseline);
  });
});

describe("batch decisions", () => {
  it("decides each entry; one decided meanwhile fails alone", async () => {
    const a = await openItemOf(db.prisma, "liaison-crrc", { skip: 5 });
    const b = await openItemOf(db.prisma, "liaison-crrc", { skip: 6 });
    const first = await progress(a.id, a.version, []);
    const second = await progress(b.id, b.version, []);
    const before = await reviewQueueTotal(reviewer);

    await reviewEntry(reviewer, {
      entryId: first.entry.id,
      locale: "zh-CN",
      input: { decision: "APPROVE" },
    });
    const { results } = await decideBatch(reviewer, {
      locale: "zh-CN",
      input: { entryIds: [first.entry.id, second.entry.id], decision: "APPROVE" },
    });
    expect(results).toEqual([
      { id: first.entry.id, ok: false, error: "conflict" },
      { id: second.entry.id, ok: true },
    ]);
    expect(await reviewQueueTotal(reviewer)).toBe(before - 2);
    const audits = await db.prisma.auditLog.count({
      where: { action: "entry.review.approve", entityId: second.entry.id },
    });
    expect(audits).toBe(1);

    const queue = await listReviewQueue(reviewer, ReviewQueueQuery.parse({ limit: "200" }));
    expect(queue.items.some((q) => q.entry.id === second.entry.id)).toBe(false);
  });
});
