import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { claimCompletion } from "@/lib/ledger/claim-completion";
import { openEvidence, uploadEvidence } from "@/lib/ledger/evidence";
import { getLedgerItem, listLedgerItems } from "@/lib/ledger/queries";
import { recordProgress } from "@/lib/ledger/record-progress";
import { LedgerListQuery } from "@/lib/ledger/schemas";
import { chinaIsoDay } from "@/lib/time";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import {
  actorFor,
  currentPeriod,
  disguisedExecutable,
  failure,
  openItemOf,
  pdfFile,
} from "./fixtures";

let db: TestDatabase;
let liaisonCrrc: Actor;
let liaisonTelecom: Actor;
let reviewerCentral: Actor;
let reviewerHunan: Actor;
let manager: Actor;

beforeAll(async () => {
  process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
  db = await seededTestDatabase();
  liaisonCrrc = await actorFor(db.prisma, "liaison-crrc");
  liaisonTelecom = await actorFor(db.prisma, "liaison-telecom");
  reviewerCentral = await actorFor(db.prisma, "reviewer-central");
  reviewerHunan = await actorFor(db.prisma, "reviewer-hunan");
  manager = await actorFor(db.prisma, "manager");
});
afterAll(async () => {
  await db?.drop();
});

async function snapshot(itemId: string) {
  const [item, entries, audits] = await Promise.all([
    db.prisma.ledgerItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { version: true, percentDone: true, status: true },
    }),
    db.prisma.progressEntry.count({ where: { ledgerItemId: itemId } }),
    db.prisma.auditLog.count({ where: { entityId: itemId } }),
  ]);
  return { item, entries, audits };
}

describe("listing the work ledger", () => {
  const all = LedgerListQuery.parse({ limit: "200" });

  it("shows a liaison only their own enterprise tree", async () => {
    const crrcRoot = liaisonCrrc.enterpriseIds[0]!;
    const page = await listLedgerItems(liaisonCrrc, all);
    expect(page.total).toBeGreaterThan(0);
    const inTree = await db.prisma.enterpriseClosure.findMany({
      where: { ancestorId: crrcRoot },
      select: { descendantId: true },
    });
    const allowed = new Set(inTree.map((c) => c.descendantId));
    for (const item of page.items) expect(allowed.has(item.enterprise.id)).toBe(true);
    const telecomPage = await listLedgerItems(liaisonTelecom, all);
    const crrcIds = new Set(page.items.map((i) => i.id));
    expect(telecomPage.items.some((i) => crrcIds.has(i.id))).toBe(false);
  });

  it("shows a Hunan reviewer nothing of CRRC", async () => {
    const page = await listLedgerItems(
      reviewerHunan,
      LedgerListQuery.parse({ q: "CRRC", limit: "200" }),
    );
    expect(page.total).toBe(0);
  });

  it("filters overdue and main-only, and pages with a cursor without gaps or repeats", async () => {
    const today = chinaIsoDay();
    const overdue = await listLedgerItems(
      manager,
      LedgerListQuery.parse({ overdue: "true", mainOnly: "true", limit: "200" }),
    );
    for (const item of overdue.items) {
      expect(item.isMain).toBe(true);
      expect(item.dueDate < today).toBe(true);
      expect(item.status).not.toBe("COMPLETED");
      expect(item.colour.colour).toBe("red");
    }
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listLedgerItems(
        liaisonCrrc,
        LedgerListQuery.parse({ limit: "7", sort: "percentDone", order: "desc", cursor }),
      );
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    const total = (await listLedgerItems(liaisonCrrc, all)).total;
    expect(seen.size).toBe(total);
  });
});

describe("recording progress", () => {
  it("appends an entry with indicator values, bumps the version and audits before/after", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { withIndicator: true });
    const indicatorId = item.task.indicators[0]!.id;
    const before = await snapshot(item.id);
    const result = await recordProgress(liaisonCrrc, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: currentPeriod(),
        narrative: "完成联合研发团队组建，签署合作协议。",
        percentDone: Math.min(99, item.percentDone + 5),
        // Whatever the demo's baseline, the value below is taken as confirmed.
        indicatorWarningsConfirmed: true,
        indicatorValues: [{ indicatorId, value: "12.5" }],
        links: [{ url: "https://intranet.example/report/1", title: "会议纪要" }],
      },
    });
    expect(result.item.version).toBe(item.version + 1);
    expect(result.item.percentDone).toBe(Math.min(99, item.percentDone + 5));
    expect(result.entry.indicatorValues).toEqual([{ indicatorId, value: 12.5 }]);
    expect(result.entry.evidence.map((e) => e.url)).toEqual(["https://intranet.example/report/1"]);

    const after = await snapshot(item.id);
    expect(after.entries).toBe(before.entries + 1);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { entityId: item.id },
      orderBy: { id: "desc" },
    });
    expect(audit.action).toBe("ledgerItem.recordProgress");
    expect(audit.actorId).toBe(liaisonCrrc.id);
    expect(audit.before).toMatchObject({ version: item.version, percentDone: item.percentDone });
    expect(audit.after).toMatchObject({ version: item.version + 1 });

    const detail = await getLedgerItem(liaisonCrrc, item.id);
    expect(detail?.entries[0]?.id).toBe(result.entry.id);
    expect(detail?.indicators.find((i) => i.id === indicatorId)?.actuals.at(-1)?.value).toBe(12.5);
  });

  it("rejects a stale version with 409 and what changed meanwhile, saving nothing", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 1 });
    const input = {
      version: item.version,
      period: currentPeriod(),
      narrative: "第一次填报",
      percentDone: 40,
    };
    await recordProgress(liaisonCrrc, { itemId: item.id, locale: "zh-CN", input });
    const before = await snapshot(item.id);
    const error = await failure(
      recordProgress(liaisonCrrc, {
        itemId: item.id,
        locale: "zh-CN",
        input: { ...input, narrative: "第二个人的填报" },
      }),
    );
    expect(error.status).toBe(409);
    expect(error.details?.current).toMatchObject({ version: item.version + 1, percentDone: 40 });
    expect((error.details?.changes as unknown[]).length).toBe(1);
    expect(await snapshot(item.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous writers win", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 2 });
    const write = (narrative: string) =>
      recordProgress(liaisonCrrc, {
        itemId: item.id,
        locale: "en",
        input: { version: item.version, period: currentPeriod(), narrative, percentDone: 50 },
      }).then(
        () => "ok",
        (e: AppError) => e.status,
      );
    const outcomes = await Promise.all([write("A"), write("B"), write("C")]);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === 409)).toHaveLength(2);
  });

  describe("bad input gets a field-level message and changes nothing", () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["percent above 100", { percentDone: 101 }, "percentDone", "不能大于 100。"],
      ["percent below 0", { percentDone: -1 }, "percentDone", "不能小于 0。"],
      [
        "a non-number indicator value",
        { indicatorValues: [{ indicatorId: "__indicator__", value: "12a" }] },
        "indicatorValues.0.value",
        "请输入数字。",
      ],
      ["a period before the programme", { period: "2019-05" }, "period", "periodOutsideProgramme"],
      ["a period in the future", { period: "2099-01" }, "period", "periodOutsideProgramme"],
      [
        "a malformed period",
        { period: "2024-13" },
        "period",
        "报告期格式应为 2024-05（月）或 2024-Q2（季度）。",
      ],
      ["an empty narrative", { narrative: "   " }, "narrative", "此项为必填项。"],
    ];
    it.each(cases)("%s", async (_name, patch, field, message) => {
      const item = await openItemOf(db.prisma, "liaison-crrc", { withIndicator: true, skip: 0 });
      const indicatorId = item.task.indicators[0]!.id;
      const input = JSON.parse(
        JSON.stringify({
          version: item.version,
          period: currentPeriod(),
          narrative: "说明",
          percentDone: 50,
          ...patch,
        }).replace("__indicator__", indicatorId),
      );
      const before = await snapshot(item.id);
      const error = await failure(
        recordProgress(liaisonCrrc, { itemId: item.id, locale: "zh-CN", input }),
      );
      expect(error.status).toBe(422);
      expect(error.fields?.[field]).toBe(message);
      expect(await snapshot(item.id)).toEqual(before);
    });

    it("answers in English for an English user", async () => {
      const item = await openItemOf(db.prisma, "liaison-crrc");
      const error = await failure(
        recordProgress(liaisonCrrc, {
          itemId: item.id,
          locale: "en",
          input: {
            version: item.version,
            period: currentPeriod(),
            narrative: "x",
            percentDone: 150,
          },
        }),
      );
      expect(error.fields?.percentDone).toBe("Must be at most 100.");
    });
  });

  it("treats an item outside the scope as not found, and a manager as forbidden", async () => {
    const telecomItem = await openItemOf(db.prisma, "liaison-telecom");
    const before = await snapshot(telecomItem.id);
    const input = {
      version: telecomItem.version,
      period: currentPeriod(),
      narrative: "越权",
      percentDone: 90,
    };
    expect(
      (
        await failure(
          recordProgress(liaisonCrrc, { itemId: telecomItem.id, locale: "zh-CN", input }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await failure(
          recordProgress(reviewerHunan, { itemId: telecomItem.id, locale: "zh-CN", input }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await failure(recordProgress(manager, { itemId: telecomItem.id, locale: "zh-CN", input })))
        .status,
    ).toBe(403);
    expect(await getLedgerItem(liaisonCrrc, telecomItem.id)).toBeNull();
    expect(await snapshot(telecomItem.id)).toEqual(before);
  });
});

describe("evidence", () => {
  it("stores a PDF outside public/, attaches it to an entry and serves it only within scope", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 3 });
    const evidence = await uploadEvidence(liaisonCrrc, {
      itemId: item.id,
      file: pdfFile("验收报告.pdf"),
    });
    expect(evidence).toMatchObject({
      kind: "FILE",
      fileName: "验收报告.pdf",
      mimeType: "application/pdf",
      entryId: null,
    });
    const stored = await db.prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } });
    expect(
      stored.storageKey &&
        fs.existsSync(
          path.join(process.env.EVIDENCE_DIR!, stored.storageKey.slice(0, 2), stored.storageKey),
        ),
    ).toBe(true);

    const result = await recordProgress(liaisonCrrc, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: currentPeriod(),
        narrative: "附验收报告",
        percentDone: 80,
        evidenceIds: [evidence.id],
      },
    });
    expect(result.entry.evidence.map((e) => e.id)).toEqual([evidence.id]);

    const file = await openEvidence(reviewerCentral, evidence.id);
    const bytes = Buffer.from(await new Response(file.stream).arrayBuffer());
    expect(bytes.toString("latin1").startsWith("%PDF")).toBe(true);
    expect(bytes.byteLength).toBe(file.sizeBytes);
    expect((await failure(openEvidence(liaisonTelecom, evidence.id))).status).toBe(404);
    expect((await failure(openEvidence(reviewerHunan, evidence.id))).status).toBe(404);

    // Evidence already attached cannot be attached again.
    const again = await failure(
      recordProgress(liaisonCrrc, {
        itemId: item.id,
        locale: "en",
        input: {
          version: item.version + 1,
          period: currentPeriod(),
          narrative: "again",
          percentDone: 81,
          evidenceIds: [evidence.id],
        },
      }),
    );
    expect(again.fields?.evidenceIds).toBe("evidenceUnusable");
  });

  it("refuses a file of a forbidden type by content, an oversized file, and another scope's item", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const count = () => db.prisma.evidence.count({ where: { ledgerItemId: item.id } });
    const before = await count();
    expect(
      (await failure(uploadEvidence(liaisonCrrc, { itemId: item.id, file: disguisedExecutable() })))
        .fields,
    ).toEqual({ file: "fileTypeNotAllowed" });
    const big = new File([new Uint8Array(20 * 1024 * 1024 + 1)], "big.pdf");
    expect(
      (await failure(uploadEvidence(liaisonCrrc, { itemId: item.id, file: big }))).fields,
    ).toEqual({ file: "fileTooLarge" });
    const telecomItem = await openItemOf(db.prisma, "liaison-telecom");
    expect(
      (await failure(uploadEvidence(liaisonCrrc, { itemId: telecomItem.id, file: pdfFile() })))
        .status,
    ).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe("claiming completion", () => {
  it("needs evidence and a statement, then puts the item in review and blocks further entries", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc", { skip: 4 });
    const missing = await failure(
      claimCompletion(liaisonCrrc, {
        itemId: item.id,
        locale: "zh-CN",
        input: {
          version: item.version,
          period: currentPeriod(),
          statement: "已全面完成改革任务。",
          evidenceIds: [],
        },
      }),
    );
    expect(missing.fields?.evidenceIds).toBe("至少选择 1 项。");

    const evidence = await uploadEvidence(liaisonCrrc, { itemId: item.id, file: pdfFile() });
    const result = await claimCompletion(liaisonCrrc, {
      itemId: item.id,
      locale: "zh-CN",
      input: {
        version: item.version,
        period: currentPeriod(),
        statement: "已全面完成改革任务，附验收材料。",
        evidenceIds: [evidence.id],
        justification: "指标尚未全部达标，但改革举措均已落实，详见验收材料。",
      },
    });
    expect(result.item.status).toBe("COMPLETION_CLAIMED");
    expect(result.entry.kind).toBe("COMPLETION_CLAIM");
    expect(result.entry.reviewState).toBe("SUBMITTED");
    const events = await db.prisma.ledgerStatusEvent.findMany({
      where: { ledgerItemId: item.id, entryId: result.entry.id },
    });
    expect(events).toMatchObject([{ fromStatus: "IN_PROGRESS", toStatus: "COMPLETION_CLAIMED" }]);
    // Not completed until a reviewer approves: the headline rate must not count it yet.
    const row = await db.prisma.ledgerItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.completedAt).toBeNull();

    const blocked = await failure(
      recordProgress(liaisonCrrc, {
        itemId: item.id,
        locale: "en",
        input: {
          version: result.item.version,
          period: currentPeriod(),
          narrative: "more",
          percentDone: 100,
        },
      }),
    );
    expect(blocked.fields?._form).toBe("itemAwaitingReview");
  });
});
