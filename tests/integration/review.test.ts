import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { mainTaskCompletion } from "@/lib/dashboard/completion";
import { claimCompletion } from "@/lib/ledger/claim-completion";
import { uploadEvidence } from "@/lib/ledger/evidence";
import { listNotifications, markRead, unreadCount } from "@/lib/notifications/queries";
import { listReviewQueue } from "@/lib/review/queue";
import { reviewEntry } from "@/lib/review/review-entry";
import { ReviewQueueQuery } from "@/lib/review/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, currentPeriod, failure, openItemOf, pdfFile } from "./fixtures";

let db: TestDatabase;
let liaisonCrrc: Actor;
let liaisonZhuzhou: Actor;
let reviewerCentral: Actor;
let reviewerHunan: Actor;
let manager: Actor;

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  liaisonZhuzhou = await actorFor(db.prisma, "liaison-zhuzhou");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
  reviewerHunan = await actorFor(db.prisma, "reviewer-hunan");
  manager = await actorFor(db.prisma, "manager");
});
afterAll(async () => {
  await db?.drop();
});

async function claim(
  actor: Actor,
  itemId: string,
  version: number,
  statement = "任务已全部完成，附验收报告。",
) {
  const evidence = await uploadEvidence(actor, { itemId, file: pdfFile() });
  return claimCompletion(actor, {
    itemId,
    locale: "zh-CN",
    input: {
      version,
      period: currentPeriod(),
      statement,
      evidenceIds: [evidence.id],
      // The demo items' indicators are mostly short of their targets.
      justification: "指标尚未全部达标，但改革举措均已落实，详见验收报告。",
    },
  });
}

const queue = (actor: Actor, query: Record<string, string> = {}) =>
  listReviewQueue(actor, ReviewQueueQuery.parse({ limit: "200", ...query }));

describe("the close-off cycle", () => {
  it("claim -> returned with a reason -> resubmitted -> approved raises CRRC's rate by exactly one task's share", async () => {
    const crrcId = liaisonCrrc.enterpriseIds[0]!;
    // The programme of the items openItemOf picks (the default one is the live demo programme).
    const sduId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
    const before = (await mainTaskCompletion(manager, {
      programmeId: sduId,
      enterpriseId: crrcId,
    }))!;
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 0 });

    const first = await claim(liaisonCrrc, item.id, item.version);
    const waiting = await queue(reviewerCentral, { kind: "COMPLETION_CLAIM" });
    expect(waiting.items.some((q) => q.entry.id === first.entry.id && q.stage === "final")).toBe(
      true,
    );
    // Oldest first.
    const times = waiting.items.map((q) => q.entry.createdAt);
    expect([...times].sort()).toEqual(times);

    const returnedWithoutReason = await failure(
      reviewEntry(reviewerCentral, {
        entryId: first.entry.id,
        locale: "zh-CN",
        input: { decision: "RETURN" },
      }),
    );
    expect(returnedWithoutReason.fields?.comment).toBe("退回时必须填写原因。");

    const returned = await reviewEntry(reviewerCentral, {
      entryId: first.entry.id,
      locale: "zh-CN",
      input: { decision: "RETURN", comment: "缺少董事会决议文件。" },
    });
    expect(returned.item.status).toBe("IN_PROGRESS");
    expect(returned.entry.reviews.at(-1)).toMatchObject({
      decision: "RETURN",
      comment: "缺少董事会决议文件。",
    });
    const notes = await listNotifications(liaisonCrrc, { locale: "zh-CN", unreadOnly: true });
    expect(
      notes.some((n) => n.kind === "CLAIM_RETURNED" && n.message.includes("缺少董事会决议文件。")),
    ).toBe(true);
    expect(
      (await mainTaskCompletion(manager, { programmeId: sduId, enterpriseId: crrcId }))!.completed,
    ).toBe(before.completed);

    // A second decision on the same entry is a conflict, not a double effect.
    expect(
      (
        await failure(
          reviewEntry(reviewerCentral, {
            entryId: first.entry.id,
            locale: "en",
            input: { decision: "APPROVE" },
          }),
        )
      ).status,
    ).toBe(409);

    const second = await claim(
      liaisonCrrc,
      item.id,
      returned.item.version,
      "补充董事会决议后重新申请销号。",
    );
    const approved = await reviewEntry(reviewerCentral, {
      entryId: second.entry.id,
      locale: "zh-CN",
      input: { decision: "APPROVE" },
    });
    expect(approved.item.status).toBe("COMPLETED");

    const after = (await mainTaskCompletion(manager, {
      programmeId: sduId,
      enterpriseId: crrcId,
    }))!;
    expect(after.total).toBe(before.total);
    expect(after.completed).toBe(before.completed + 1);
    expect(after.ratePercent).toBeCloseTo(((before.completed + 1) / before.total) * 100, 2);
    // The dashboards see the date: as of yesterday it was not completed.
    const yesterday = new Date(Date.now() - 86_400_000);
    expect(
      (await mainTaskCompletion(manager, {
        programmeId: sduId,
        enterpriseId: crrcId,
        asOf: yesterday,
      }))!.completed,
    ).toBe(before.completed);

    const row = await db.prisma.ledgerItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.completedAt).not.toBeNull();
    // The as-of figures take a completed item's status and percent from this (population.ts).
    const last = await db.prisma.ledgerStatusEvent.findFirstOrThrow({
      where: { ledgerItemId: item.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    expect(last).toMatchObject({ toStatus: "COMPLETED", percentDone: 100, at: row.completedAt });
    const audits = await db.prisma.auditLog.findMany({
      where: { entityId: item.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "ledgerItem.claimCompletion",
        "ledgerItem.claimReturned",
        "ledgerItem.complete",
      ]),
    );
  });

  it("keeps reviewers to their scope: Hunan sees nothing of CRRC and cannot decide on it", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 1 });
    const claimed = await claim(liaisonCrrc, item.id, item.version);
    const hunanQueue = await queue(reviewerHunan);
    const crrcTree = new Set(
      (
        await db.prisma.enterpriseClosure.findMany({
          where: { ancestorId: liaisonCrrc.enterpriseIds[0]! },
        })
      ).map((c) => c.descendantId),
    );
    expect(hunanQueue.items.some((q) => crrcTree.has(q.item.enterprise.id))).toBe(false);
    expect(
      (
        await failure(
          reviewEntry(reviewerHunan, {
            entryId: claimed.entry.id,
            locale: "en",
            input: { decision: "APPROVE" },
          }),
        )
      ).status,
    ).toBe(404);
    // A liaison cannot approve their own claim, a manager cannot approve at all.
    expect(
      (
        await failure(
          reviewEntry(liaisonCrrc, {
            entryId: claimed.entry.id,
            locale: "en",
            input: { decision: "APPROVE" },
          }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await failure(
          reviewEntry(manager, {
            entryId: claimed.entry.id,
            locale: "en",
            input: { decision: "APPROVE" },
          }),
        )
      ).status,
    ).toBe(403);
  });

  it("with two levels, the group's liaison confirms a subsidiary's claim before the SASAC approves", async () => {
    await db.prisma.programme.updateMany({ data: { closeOffLevels: 2 } });
    try {
      const item = await openItemOf(db.prisma, "liaison-zhuzhou", { skip: 0 });
      const claimed = await claim(liaisonZhuzhou, item.id, item.version);

      expect(
        (await queue(reviewerCentral)).items.some((q) => q.entry.id === claimed.entry.id),
      ).toBe(false);
      const groupQueue = await queue(liaisonCrrc);
      expect(groupQueue.items.find((q) => q.entry.id === claimed.entry.id)?.stage).toBe("confirm");
      // The subsidiary's liaison cannot confirm their own claim, and the reviewer cannot skip the group.
      expect(
        (
          await failure(
            reviewEntry(liaisonZhuzhou, {
              entryId: claimed.entry.id,
              locale: "en",
              input: { decision: "CONFIRM" },
            }),
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await failure(
            reviewEntry(reviewerCentral, {
              entryId: claimed.entry.id,
              locale: "en",
              input: { decision: "APPROVE" },
            }),
          )
        ).status,
      ).toBe(403);

      await reviewEntry(liaisonCrrc, {
        entryId: claimed.entry.id,
        locale: "zh-CN",
        input: { decision: "CONFIRM", comment: "集团已核实。" },
      });
      expect(
        (await db.prisma.ledgerItem.findUniqueOrThrow({ where: { id: item.id } })).status,
      ).toBe("COMPLETION_CLAIMED");
      expect(
        (await queue(reviewerCentral)).items.find((q) => q.entry.id === claimed.entry.id)?.stage,
      ).toBe("final");

      const approved = await reviewEntry(reviewerCentral, {
        entryId: claimed.entry.id,
        locale: "zh-CN",
        input: { decision: "APPROVE" },
      });
      expect(approved.item.status).toBe("COMPLETED");
      expect(approved.entry.reviews.map((r) => r.decision)).toEqual(["CONFIRM", "APPROVE"]);

      // The group's liaison may also claim on a subsidiary's item, but then cannot confirm it.
      // The first item is completed by now, so the first open one is another (not started or in
      // progress: the subtree may have only one item in progress on the day the demo is seeded).
      const own = await openItemOf(db.prisma, "liaison-zhuzhou", {
        statuses: ["IN_PROGRESS", "NOT_STARTED"],
      });
      const ownClaim = await claim(liaisonCrrc, own.id, own.version);
      expect((await queue(liaisonCrrc)).items.some((q) => q.entry.id === ownClaim.entry.id)).toBe(
        false,
      );
      expect(
        (
          await failure(
            reviewEntry(liaisonCrrc, {
              entryId: ownClaim.entry.id,
              locale: "en",
              input: { decision: "CONFIRM" },
            }),
          )
        ).status,
      ).toBe(403);
    } finally {
      await db.prisma.programme.updateMany({ data: { closeOffLevels: 1 } });
    }
  });
});

describe("notifications", () => {
  it("counts unread, lists newest first in the reader's language and marks read", async () => {
    const count = await unreadCount(liaisonCrrc);
    expect(count).toBeGreaterThan(0);
    const en = await listNotifications(liaisonCrrc, { locale: "en" });
    expect(en[0]!.message).toMatch(/completion claim|progress entry|Reporting|Supervision/);
    expect(await markRead(liaisonCrrc, "all")).toBe(count);
    expect(await unreadCount(liaisonCrrc)).toBe(0);
    // Nobody marks another user's notifications.
    expect(await markRead(reviewerHunan, "all")).toBeGreaterThanOrEqual(0);
    expect(await unreadCount(liaisonCrrc)).toBe(0);
  });
});
