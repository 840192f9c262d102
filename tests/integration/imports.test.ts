/**
 * The Excel round-trip on real PostgreSQL with real .xlsx files: export then import changes
 * nothing; an edited workbook is checked cell by cell, refused whole with one bad cell and
 * applied once fixed, and a second import of it changes nothing; history writers are used for
 * reclassification, new enterprises and not-applicable marks; an owner of one supervisor cannot
 * touch another's rows; large files run as jobs with progress. Bad files: imports-bad-files.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyRollups } from "@/lib/dashboard/rollup/verify";
import { withCheckCharacter } from "@/lib/enterprises/credit-code";
import { addDays, chinaDay, isoDay } from "@/lib/time";
import { getImportJob, runImportJob } from "@/lib/imports/jobs";
import { actorFor } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import {
  bookOf,
  bytesOf,
  changes,
  col,
  exportFile,
  fingerprint,
  postImport,
  reportOf,
  rowWhere,
  tokensFor,
} from "./imports-helpers";

let db: TestDatabase;
let tokens: Record<string, string>;
let programmeId: string;

beforeAll(async () => {
  db = await seededTestDatabase();
  tokens = await tokensFor(db.prisma, ["admin", "admin-hunan"]);
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
});
afterAll(() => db?.drop());

const catalogue = (dryRun: boolean) => ({ kind: "catalogue", programmeId, dryRun });
const enterprise = (code: string) => db.prisma.enterprise.findUniqueOrThrow({ where: { code } });

describe("round trip", () => {
  it("exports the catalogue and imports it unchanged, in either language", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const res = await exportFile(
        tokens.admin!,
        "catalogue",
        `programmeId=${programmeId}`,
        locale,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''.+\.xlsx$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const book = await bookOf(bytes);
      const tasks = book.worksheets[1]!;
      expect(tasks.getRow(2).getCell(1).value).toBe("task.code");
      expect(tasks.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      const before = await fingerprint(db.prisma);
      const dry = await reportOf(
        await postImport(tokens.admin!, bytes, catalogue(true), { locale }),
      );
      expect(dry.problems).toEqual([]);
      expect(dry.sheets.map((s) => s.id)).toEqual(["categories", "tasks", "indicators"]);
      expect(changes(dry)).toBe(0);
      expect(dry.rows).toBeGreaterThan(20);
      expect(await fingerprint(db.prisma)).toBe(before);
    }
  });

  it("applies an unchanged registry and ledger as zero changes, with one import audit record", async () => {
    const registry = new Uint8Array(
      await (await exportFile(tokens.admin!, "registry", "")).arrayBuffer(),
    );
    const applied = await reportOf(
      await postImport(tokens.admin!, registry, { kind: "registry", dryRun: false }),
    );
    expect(applied).toMatchObject({ applied: true, problems: [] });
    expect(changes(applied)).toBe(0);
    expect(applied.sheets[0]!.unchanged).toBe(await db.prisma.enterprise.count());

    const crrc = await enterprise("CRRC");
    const ledger = await exportFile(
      tokens.admin!,
      "ledger",
      `programmeId=${programmeId}&enterpriseId=${crrc.id}`,
    );
    const report = await reportOf(
      await postImport(tokens.admin!, new Uint8Array(await ledger.arrayBuffer()), {
        kind: "ledger",
        programmeId,
        dryRun: false,
      }),
    );
    expect(report.applied).toBe(true);
    expect(changes(report)).toBe(0);
    expect(report.sheets[0]!.unchanged).toBeGreaterThan(10);
    const audits = await db.prisma.auditLog.findMany({
      where: { entityType: "ImportJob" },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.after).toMatchObject({ kind: "ledger", programmeId });
  });
});

describe("an edited catalogue", () => {
  it("lists the bad cell and changes nothing, applies once fixed, and changes nothing the second time", async () => {
    const book = await bookOf(
      await exportFile(tokens.admin!, "catalogue", `programmeId=${programmeId}`),
    );
    const tasks = book.getWorksheet("任务")!;
    const code = String(tasks.getRow(3).getCell(col(tasks, "task.code")).value);
    const renamed = rowWhere(tasks, "task.code", code);
    tasks.getRow(renamed).getCell(col(tasks, "task.titleZh")).value = "导入后的新任务名称";
    const bad = renamed + 2;
    tasks.getRow(bad).getCell(col(tasks, "task.weight")).value = "很重要";
    const before = await fingerprint(db.prisma);

    for (const dryRun of [true, false]) {
      const report = await reportOf(
        await postImport(tokens.admin!, await bytesOf(book), catalogue(dryRun)),
      );
      expect(report.applied).toBe(false);
      expect(report.problems).toEqual([
        {
          sheet: "任务",
          row: bad,
          column: "权重",
          key: "task.weight",
          cell: `${String.fromCharCode(64 + col(tasks, "task.weight"))}${bad}`,
          message: "“很重要”不是数字。",
        },
      ]);
    }
    expect(await fingerprint(db.prisma)).toBe(before);

    tasks.getRow(bad).getCell(col(tasks, "task.weight")).value = 2.5;
    const fixed = await bytesOf(book);
    const applied = await reportOf(await postImport(tokens.admin!, fixed, catalogue(false)));
    expect(applied.applied).toBe(true);
    expect(applied.sheets.find((s) => s.id === "tasks")).toMatchObject({ created: 0, updated: 2 });
    const task = await db.prisma.task.findFirstOrThrow({ where: { programmeId, code } });
    expect(task.titleZh).toBe("导入后的新任务名称");
    expect(
      await db.prisma.auditLog.count({ where: { entityId: task.id, action: "task.update" } }),
    ).toBe(1);

    const again = await reportOf(await postImport(tokens.admin!, fixed, catalogue(false)));
    expect(again.applied).toBe(true);
    expect(changes(again)).toBe(0);
  });

  it("moves a task's main flag through reclassifyTask, ledger items and history with it", async () => {
    const book = await bookOf(
      await exportFile(tokens.admin!, "catalogue", `programmeId=${programmeId}`, "en"),
    );
    const tasks = book.getWorksheet("Tasks")!;
    const task = await db.prisma.task.findFirstOrThrow({
      where: { programmeId, isMain: true, ledgerItems: { some: {} } },
      orderBy: { code: "desc" },
    });
    tasks.getRow(rowWhere(tasks, "task.code", task.code)).getCell(col(tasks, "task.isMain")).value =
      "No";
    const report = await reportOf(
      await postImport(tokens.admin!, await bytesOf(book), catalogue(false), { locale: "en" }),
    );
    expect(report.applied).toBe(true);
    expect(await db.prisma.ledgerItem.count({ where: { taskId: task.id, isMain: true } })).toBe(0);
    expect(
      await db.prisma.auditLog.count({ where: { entityId: task.id, action: "task.reclassify" } }),
    ).toBe(1);
    const open = await db.prisma.ledgerItemSpan.findFirstOrThrow({
      where: { ledgerItem: { taskId: task.id }, validTo: null },
    });
    expect(open.isMain).toBe(false);
  });
});

describe("an edited registry", () => {
  it("creates a new enterprise under CRRC with its closure rows and history, once", async () => {
    const book = await bookOf(await exportFile(tokens.admin!, "registry", ""));
    const ws = book.worksheets[0]!;
    const credit = withCheckCharacter("91110000MA0000001");
    ws.addRow([]);
    const r = ws.rowCount;
    const set = (key: string, value: string) => (ws.getRow(r).getCell(col(ws, key)).value = value);
    set("enterprise.code", "CRRC-IMPORT-01");
    set("enterprise.parentCode", "CRRC");
    set("enterprise.creditCode", credit);
    set("enterprise.nameZh", "中车导入测试有限公司");
    set("enterprise.nameEn", "CRRC Import Test Co.");
    ws.getRow(3).getCell(col(ws, "enterprise.creditCode")).value = "91110000MA00000010";
    const before = await fingerprint(db.prisma);
    const refused = await reportOf(
      await postImport(tokens.admin!, await bytesOf(book), { kind: "registry", dryRun: false }),
    );
    expect(refused.applied).toBe(false);
    expect(refused.problems).toMatchObject([{ row: 3, key: "enterprise.creditCode" }]);
    expect(await fingerprint(db.prisma)).toBe(before);

    ws.getRow(3).getCell(col(ws, "enterprise.creditCode")).value = null;
    const original = await enterprise(
      String(ws.getRow(3).getCell(col(ws, "enterprise.code")).value),
    );
    ws.getRow(3).getCell(col(ws, "enterprise.creditCode")).value = original.creditCode;
    const fixed = await bytesOf(book);
    const applied = await reportOf(
      await postImport(tokens.admin!, fixed, { kind: "registry", dryRun: false }),
    );
    expect(applied.sheets[0]).toMatchObject({ created: 1, updated: 0 });
    const crrc = await enterprise("CRRC");
    const created = await enterprise("CRRC-IMPORT-01");
    expect(created).toMatchObject({
      parentId: crrc.id,
      rootId: crrc.id,
      depth: 1,
      supervisorId: crrc.supervisorId,
      creditCode: credit,
    });
    const ancestors = await db.prisma.enterpriseClosure.findMany({
      where: { descendantId: created.id },
    });
    expect(ancestors.map((a) => [a.ancestorId, a.depth]).sort()).toEqual(
      [
        [created.id, 0],
        [crrc.id, 1],
      ].sort(),
    );
    expect(
      await db.prisma.enterpriseClosureSpan.count({
        where: { descendantId: created.id, validTo: null },
      }),
    ).toBe(2);
    expect(
      await db.prisma.enterpriseSupervisorSpan.count({ where: { enterpriseId: created.id } }),
    ).toBe(1);
    expect(
      await db.prisma.auditLog.count({
        where: { entityId: created.id, action: "enterprise.create" },
      }),
    ).toBe(1);

    const again = await reportOf(
      await postImport(tokens.admin!, fixed, { kind: "registry", dryRun: false }),
    );
    expect(changes(again)).toBe(0);
  });
});

describe("an edited ledger", () => {
  it("marks an item not applicable through the history writer and creates a new item", async () => {
    const zelc = await enterprise("CRRC-ZELC");
    const book = await bookOf(
      await exportFile(
        tokens.admin!,
        "ledger",
        `programmeId=${programmeId}&enterpriseId=${zelc.id}`,
      ),
    );
    const ws = book.worksheets[0]!;
    const r = 3;
    const itemTask = String(ws.getRow(r).getCell(col(ws, "item.taskCode")).value);
    ws.getRow(r).getCell(col(ws, "item.notApplicable")).value = "是";
    ws.getRow(r).getCell(col(ws, "item.notApplicableReason")).value =
      "企业已完成重组，该事项不再适用";
    ws.getRow(r).getCell(col(ws, "item.responsiblePerson")).value = "张三";
    // An open item re-dated two months ahead: no longer overdue (red) from its creation on.
    const open = await db.prisma.ledgerItem.findFirstOrThrow({
      where: {
        enterpriseId: zelc.id,
        programmeId,
        completedAt: null,
        notApplicable: false,
        task: { code: { not: itemTask } },
      },
      select: { task: { select: { code: true } } },
    });
    const redated = open.task.code;
    const row = ws.getColumn(col(ws, "item.taskCode")).values.indexOf(redated);
    const later = addDays(chinaDay(), 60);
    ws.getRow(row).getCell(col(ws, "item.dueDate")).value = later;
    const missing = await db.prisma.task.findFirstOrThrow({
      where: { programmeId, ledgerItems: { none: { enterpriseId: zelc.id } } },
    });
    ws.addRow([]);
    const n = ws.rowCount;
    ws.getRow(n).getCell(col(ws, "item.enterpriseCode")).value = "CRRC-ZELC";
    ws.getRow(n).getCell(col(ws, "item.taskCode")).value = missing.code;
    ws.getRow(n).getCell(col(ws, "item.dueDate")).value = new Date(Date.UTC(2025, 11, 31));
    const report = await reportOf(
      await postImport(tokens.admin!, await bytesOf(book), {
        kind: "ledger",
        programmeId,
        dryRun: false,
      }),
    );
    expect(report).toMatchObject({ applied: true, problems: [] });
    expect(report.sheets[0]).toMatchObject({ created: 1, updated: 2 });
    const redatedItem = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { enterpriseId: zelc.id, task: { programmeId, code: redated } },
    });
    expect(isoDay(redatedItem.dueDate)).toBe(isoDay(later));
    const days = Array.from({ length: 30 }, (_, i) => addDays(chinaDay(), 20 - i * 3));
    expect(await verifyRollups(db.prisma, { programmeId, extraDays: days })).toEqual([]);

    const task = await db.prisma.task.findFirstOrThrow({ where: { programmeId, code: itemTask } });
    const item = await db.prisma.ledgerItem.findUniqueOrThrow({
      where: { enterpriseId_taskId: { enterpriseId: zelc.id, taskId: task.id } },
    });
    expect(item).toMatchObject({ notApplicable: true, responsiblePerson: "张三" });
    expect(
      await db.prisma.auditLog.count({
        where: { entityId: item.id, action: "ledgerItem.notApplicable" },
      }),
    ).toBe(1);
    const created = await db.prisma.ledgerItem.findUniqueOrThrow({
      where: { enterpriseId_taskId: { enterpriseId: zelc.id, taskId: missing.id } },
      include: { spans: true },
    });
    expect(created.dueDate.toISOString().slice(0, 10)).toBe("2025-12-31");
    expect(created.spans).toHaveLength(1);
  });
});

describe("scope", () => {
  it("answers admin-hunan's rows for CRRC as unknown codes and changes nothing", async () => {
    const before = await fingerprint(db.prisma);
    const registry = await bookOf(await exportFile(tokens["admin-hunan"]!, "registry", ""));
    const ws = registry.worksheets[0]!;
    expect(() => rowWhere(ws, "enterprise.code", "CRRC")).toThrow();
    ws.getRow(3).getCell(col(ws, "enterprise.code")).value = "CRRC";
    const report = await reportOf(
      await postImport(tokens["admin-hunan"]!, await bytesOf(registry), {
        kind: "registry",
        dryRun: false,
      }),
    );
    expect(report.applied).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        row: 3,
        key: "enterprise.code",
        message: "未知代码“CRRC”（不存在或不在您的管理范围内）。",
      }),
    );

    const ledger = await bookOf(
      await exportFile(tokens["admin-hunan"]!, "ledger", `programmeId=${programmeId}`),
    );
    const items = ledger.worksheets[0]!;
    items.getRow(3).getCell(col(items, "item.enterpriseCode")).value = "CRRC";
    const refused = await reportOf(
      await postImport(tokens["admin-hunan"]!, await bytesOf(ledger), {
        kind: "ledger",
        programmeId,
        dryRun: false,
      }),
    );
    expect(refused.problems).toContainEqual(
      expect.objectContaining({ row: 3, key: "item.enterpriseCode" }),
    );
    expect(await fingerprint(db.prisma)).toBe(before);

    const catalogueBook = await exportFile(
      tokens["admin-hunan"]!,
      "catalogue",
      `programmeId=${programmeId}`,
    );
    const forbidden = await postImport(
      tokens["admin-hunan"]!,
      new Uint8Array(await catalogueBook.arrayBuffer()),
      catalogue(true),
    );
    expect(forbidden.status).toBe(403);
  });
});

describe("background import", () => {
  it("runs as a job with progress and a report, seen by its owner only", async () => {
    const admin = await actorFor(db.prisma, "admin");
    const bytes = new Uint8Array(
      await (await exportFile(tokens.admin!, "registry", "")).arrayBuffer(),
    );
    const job = await db.prisma.importJob.create({
      data: {
        userId: admin.id,
        kind: "registry",
        dryRun: true,
        fileName: "registry.xlsx",
        locale: "en",
        file: Buffer.from(bytes),
      },
    });
    await runImportJob({ id: job.id });
    await runImportJob({ id: job.id }); // a redelivered message does nothing
    const done = await getImportJob(admin, job.id);
    expect(done).toMatchObject({ state: "done", error: null });
    expect(done.rowsChecked).toBe(done.rowsTotal);
    expect(done.report).toMatchObject({ applied: false, dryRun: true, problems: [] });
    expect(
      (await db.prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).file,
    ).toBeNull();
    const hunan = await actorFor(db.prisma, "admin-hunan");
    await expect(getImportJob(hunan, job.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

it("is in the OpenAPI document", async () => {
  const { openApiDocument } = await import("@/lib/api/openapi");
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      "/imports",
      "/imports/jobs/{id}",
      "/exports/catalogue",
      "/exports/registry",
      "/exports/ledger",
    ]),
  );
  expect(JSON.stringify(doc.paths["/imports"])).toContain("multipart/form-data");
});
