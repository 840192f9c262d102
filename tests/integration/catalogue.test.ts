/**
 * Programmes and the task catalogue: create, edit and copy programmes; tasks with indicators;
 * reclassifying a task moves its ledger items' copies and history; stale versions, field
 * messages, owners only (admin-hunan and the State Council's programmes), audit records, and the
 * HTTP endpoints below HTTP.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/policy";
import { createApiToken } from "@/lib/auth/tokens";
import {
  getProgrammeEndpoint,
  updateProgrammeEndpoint,
  updateTaskEndpoint,
} from "@/lib/catalogue/api";
import { copyProgramme } from "@/lib/catalogue/copy-programme";
import { createProgramme } from "@/lib/catalogue/create-programme";
import { deleteCategory } from "@/lib/catalogue/delete-category";
import { deleteTask } from "@/lib/catalogue/delete-task";
import { getProgramme, listProgrammes, listTasks } from "@/lib/catalogue/queries";
import { createCategory, updateCategory } from "@/lib/catalogue/save-category";
import { createTask } from "@/lib/catalogue/save-task";
import { taskFieldsSchema } from "@/lib/catalogue/schemas";
import { dayShifter } from "@/lib/catalogue/shift-dates";
import { updateProgramme } from "@/lib/catalogue/update-programme";
import { updateTask } from "@/lib/catalogue/update-task";
import { defaultRound } from "@/lib/rounds/default-round";
import { calendarDay, isoDay } from "@/lib/time";
import { actorFor, failure } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let admin: Actor;
let adminHunan: Actor;
let reviewerHunan: Actor;
let hunanSupervisorId: string;
let centralSupervisorId: string;
const zh = "zh-CN" as const;

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  adminHunan = await actorFor(db.prisma, "admin-hunan");
  reviewerHunan = await actorFor(db.prisma, "reviewer-hunan");
  hunanSupervisorId = (
    await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } })
  ).id;
  centralSupervisorId = (
    await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } })
  ).id;
});
afterAll(async () => {
  await db?.drop();
});

const programmeInput = (over: Record<string, unknown> = {}) => ({
  code: "HN-2026",
  nameZh: "湖南省国企改革深化提升行动（2026—2028年）",
  nameEn: "Hunan SOE Reform Deepening Action (2026-2028)",
  descriptionZh: "",
  startDate: "2026-01-01",
  endDate: "2028-12-31",
  reportingUntil: null,
  status: "DRAFT",
  supervisorId: hunanSupervisorId,
  closeOffLevels: 1,
  dueSoonDays: 30,
  behindPlanPoints: 15,
  reportingCadence: "QUARTER",
  milestones: [{ date: "2027-06-30", nameZh: "行动过半", nameEn: "Halfway point" }],
  targets: [
    { categoryId: null, dueDate: "2027-12-31", ratePercent: 70, nameZh: "第二年底完成 70%" },
    { categoryId: null, dueDate: "2028-12-31", ratePercent: 100 },
  ],
  ...over,
});

const auditsOf = (entityType: string, entityId: string) =>
  db.prisma.auditLog.findMany({ where: { entityType, entityId }, orderBy: { at: "asc" } });

describe("programmes", () => {
  let programmeId: string;

  it("admin-hunan creates a programme for Hunan SASAC, audited", async () => {
    const created = await createProgramme(adminHunan, { input: programmeInput(), locale: zh });
    programmeId = created.id;
    expect(created).toMatchObject({
      code: "HN-2026",
      reportingCadence: "QUARTER",
      descriptionZh: null,
      version: 1,
      canManage: true,
    });
    expect(created.targets.map((t) => [t.dueDate, t.ratePercent])).toEqual([
      ["2027-12-31", 70],
      ["2028-12-31", 100],
    ]);
    expect(created.milestones).toHaveLength(1);
    const audits = await auditsOf("Programme", created.id);
    expect(audits.map((a) => a.action)).toEqual(["programme.create"]);
  });

  it("field messages in the user's language; owners only; unique code", async () => {
    const reversed = await failure(
      createProgramme(adminHunan, {
        input: programmeInput({ code: "HN-X", endDate: "2025-12-31" }),
        locale: zh,
      }),
    );
    expect(reversed.status).toBe(422);
    expect(reversed.fields?.endDate).toBe("结束日期不能早于开始日期。");
    const bad = await failure(
      createProgramme(adminHunan, {
        input: programmeInput({
          code: "HN-Y",
          dueSoonDays: -1,
          targets: [{ categoryId: null, dueDate: "2027-12-31", ratePercent: 170 }],
        }),
        locale: "en",
      }),
    );
    expect(bad.fields?.dueSoonDays).toBe("Must be at least 0.");
    expect(bad.fields?.["targets.0.ratePercent"]).toBe("Must be at most 100.");
    const taken = await failure(createProgramme(admin, { input: programmeInput(), locale: zh }));
    expect(taken.fields?.code).toBe("该编号已被使用。");
    // Hunan's administrator cannot create for the State Council SASAC; a reviewer not at all.
    const central = await failure(
      createProgramme(adminHunan, {
        input: programmeInput({ code: "SC-X", supervisorId: centralSupervisorId }),
        locale: zh,
      }),
    );
    expect(central.status).toBe(403);
    expect(
      (await failure(createProgramme(reviewerHunan, { input: programmeInput(), locale: zh })))
        .status,
    ).toBe(403);
  });

  it("drafts are seen by their owners only; active programmes by everyone", async () => {
    const codes = async (actor: Actor) => (await listProgrammes(actor)).items.map((p) => p.code);
    expect(await codes(adminHunan)).toContain("HN-2026");
    expect(await codes(admin)).toContain("HN-2026");
    expect(await codes(reviewerHunan)).not.toContain("HN-2026");
    expect(await codes(reviewerHunan)).toEqual(expect.arrayContaining(["SDU-2023", "CCF"]));
    expect(await getProgramme(reviewerHunan, programmeId)).toBeNull();
    const sdu = (await listProgrammes(adminHunan)).items.find((p) => p.code === "SDU-2023")!;
    expect(sdu.canManage).toBe(false);
  });

  it("edits fields and replaces targets and milestones under the version; 409 when stale", async () => {
    const category = await createCategory(adminHunan, {
      input: { programmeId, code: "C01", nameZh: "科技创新", nameEn: "Innovation", sortOrder: 1 },
      locale: zh,
    });
    const updated = await updateProgramme(adminHunan, {
      id: programmeId,
      locale: zh,
      input: {
        version: 1,
        status: "ACTIVE",
        closeOffLevels: 2,
        dueSoonDays: 20,
        behindPlanPoints: 10,
        reportingCadence: "MONTH",
        targets: [
          { categoryId: null, dueDate: "2027-12-31", ratePercent: 70 },
          { categoryId: category.id, dueDate: "2027-12-31", ratePercent: 80 },
          { categoryId: null, dueDate: "2028-12-31", ratePercent: 100 },
        ],
        milestones: [],
      },
    });
    expect(updated).toMatchObject({
      version: 2,
      status: "ACTIVE",
      closeOffLevels: 2,
      dueSoonDays: 20,
      reportingCadence: "MONTH",
      milestones: [],
    });
    expect(updated.targets.find((t) => t.categoryId === category.id)?.ratePercent).toBe(80);

    const stale = await failure(
      updateProgramme(adminHunan, {
        id: programmeId,
        locale: zh,
        input: { version: 1, nameEn: "x" },
      }),
    );
    expect(stale.status).toBe(409);
    expect((stale.details?.current as { version: number }).version).toBe(2);

    const dup = await failure(
      updateProgramme(adminHunan, {
        id: programmeId,
        locale: zh,
        input: {
          version: 2,
          targets: [
            { categoryId: null, dueDate: "2027-12-31", ratePercent: 70 },
            { categoryId: null, dueDate: "2027-12-31", ratePercent: 75 },
          ],
        },
      }),
    );
    expect(dup.fields?.["targets.1.dueDate"]).toBe("同一范围在同一到期日只能有一个目标。");
    // A partial change must fit the stored dates.
    const partial = await failure(
      updateProgramme(adminHunan, {
        id: programmeId,
        locale: zh,
        input: { version: 2, reportingUntil: "2028-06-30" },
      }),
    );
    expect(partial.fields?.reportingUntil).toBe("填报截止日期不能早于结束日期。");
    const audits = await auditsOf("Programme", programmeId);
    expect(audits.map((a) => a.action)).toEqual(["programme.create", "programme.update"]);
    expect((audits[1]!.before as { version: number }).version).toBe(1);
  });

  it("admin-hunan cannot change SDU-2023 (State Council SASAC): 403, and 404 on a draft it cannot see", async () => {
    const sdu = await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } });
    const denied = await failure(
      updateProgramme(adminHunan, {
        id: sdu.id,
        locale: zh,
        input: { version: sdu.version, nameEn: "Hijacked" },
      }),
    );
    expect(denied.status).toBe(403);
    const draft = await createProgramme(admin, {
      input: programmeInput({ code: "SC-DRAFT", supervisorId: centralSupervisorId, targets: [] }),
      locale: zh,
    });
    const hidden = await failure(
      updateProgramme(adminHunan, { id: draft.id, locale: zh, input: { version: 1, nameEn: "x" } }),
    );
    expect(hidden.status).toBe(404);
    const task = await db.prisma.task.findFirstOrThrow({ where: { programmeId: sdu.id } });
    expect(
      (
        await failure(
          updateTask(adminHunan, {
            id: task.id,
            locale: zh,
            input: { version: task.version, titleEn: "x" },
          }),
        )
      ).status,
    ).toBe(403);
    const category = await db.prisma.category.findFirstOrThrow({ where: { programmeId: sdu.id } });
    expect(
      (
        await failure(
          updateCategory(adminHunan, { id: category.id, locale: zh, input: { nameEn: "x" } }),
        )
      ).status,
    ).toBe(403);
    expect((await failure(deleteTask(adminHunan, { id: task.id, locale: zh }))).status).toBe(403);
  });

  it("copies SDU-2023 into the next action for Hunan: catalogue and dates moved, no ledger items", async () => {
    const source = await db.prisma.programme.findUniqueOrThrow({
      where: { code: "SDU-2023" },
      include: {
        targets: true,
        milestones: true,
        _count: { select: { tasks: true, categories: true } },
      },
    });
    const copy = await copyProgramme(adminHunan, {
      sourceId: source.id,
      locale: zh,
      input: {
        code: "HN-NEXT",
        nameZh: "下一轮行动",
        nameEn: "The next action",
        startDate: "2026-01-01",
        supervisorId: hunanSupervisorId,
      },
    });
    expect(copy).toMatchObject({
      status: "DRAFT",
      startDate: "2026-01-01",
      endDate: "2028-12-31",
      supervisorId: hunanSupervisorId,
      closeOffLevels: source.closeOffLevels,
    });
    expect(copy.categories).toHaveLength(source._count.categories);
    expect(copy.targets.map((t) => [t.dueDate, t.ratePercent])).toEqual([
      ["2027-12-31", 70],
      ["2028-12-31", 100],
    ]);
    expect(copy.milestones.map((m) => m.date)).toContain("2027-06-30");
    const tasks = await listTasks(adminHunan, { programmeId: copy.id });
    expect(tasks.items).toHaveLength(source._count.tasks);
    expect(tasks.items.every((t) => t.ledgerItems === 0)).toBe(true);
    expect(tasks.items.some((t) => t.indicators.length > 0)).toBe(true);
    expect(await db.prisma.ledgerItem.count({ where: { programmeId: copy.id } })).toBe(0);
    expect((await auditsOf("Programme", copy.id)).map((a) => a.action)).toEqual(["programme.copy"]);
    // The State Council's supervisor is not Hunan's to give.
    const denied = await failure(
      copyProgramme(adminHunan, {
        sourceId: source.id,
        locale: zh,
        input: { code: "SC-NEXT", nameZh: "x", nameEn: "x", startDate: "2026-01-01" },
      }),
    );
    expect(denied.status).toBe(403);
  });
});

describe("tasks and categories", () => {
  it("creates a task with indicators; field messages; code unique in the programme", async () => {
    const sdu = await db.prisma.programme.findUniqueOrThrow({
      where: { code: "SDU-2023" },
      include: { categories: { orderBy: { code: "asc" } } },
    });
    const input = {
      programmeId: sdu.id,
      categoryId: sdu.categories[0]!.id,
      code: "SDU-C01-99",
      titleZh: "新增任务",
      titleEn: "A new task",
      isMain: true,
      weight: 2,
      defaultDueDate: "2025-12-31",
      indicators: [
        {
          code: "RD",
          nameZh: "研发投入强度",
          nameEn: "R&D intensity",
          unit: "PERCENT",
          direction: "INCREASE",
          baseline: 2.5,
          target: 3,
        },
      ],
    };
    const task = await createTask(admin, { input, locale: zh });
    expect(task).toMatchObject({ code: "SDU-C01-99", weight: 2, ledgerItems: 0 });
    expect(task.indicators[0]).toMatchObject({ code: "RD", baseline: 2.5, target: 3 });
    const again = await failure(createTask(admin, { input, locale: zh }));
    expect(again.fields?.code).toBe("该编号已被使用。");
    const bad = await failure(
      createTask(admin, {
        input: {
          ...input,
          code: "bad code",
          weight: 0,
          indicators: [input.indicators[0], input.indicators[0]],
        },
        locale: zh,
      }),
    );
    expect(bad.fields?.code).toBe("格式不正确。");
    expect(bad.fields?.weight).toBe("不能小于 0.01。");
    expect(bad.fields?.["indicators.1.code"]).toBe("编号重复。");

    // Deleting: allowed while never assigned, audited.
    await deleteTask(admin, { id: task.id, locale: zh });
    expect((await auditsOf("Task", task.id)).map((a) => a.action)).toEqual([
      "task.create",
      "task.delete",
    ]);
  });

  it("a task with ledger items cannot be deleted, nor its category", async () => {
    const item = await db.prisma.ledgerItem.findFirstOrThrow({
      where: { programme: { code: "SDU-2023" } },
      select: { taskId: true, categoryId: true },
    });
    const task = await failure(deleteTask(admin, { id: item.taskId, locale: zh }));
    expect(task.status).toBe(422);
    expect(task.fields?._form).toBe("该任务已下达台账事项，不能删除。");
    const category = await failure(deleteCategory(admin, { id: item.categoryId, locale: "en" }));
    expect(category.fields?._form).toMatch(/has ledger items/);
  });

  it("changing category and main flag moves the ledger items' copies and their spans", async () => {
    const task = await db.prisma.task.findFirstOrThrow({
      where: {
        programme: { code: "SDU-2023" },
        isMain: true,
        ledgerItems: { some: {} },
        indicators: { some: {} },
      },
      include: { indicators: true, ledgerItems: { select: { id: true } } },
      orderBy: { code: "asc" },
    });
    const other = await db.prisma.category.findFirstOrThrow({
      where: { programmeId: task.programmeId, NOT: { id: task.categoryId } },
    });
    const now = new Date();
    const updated = await updateTask(admin, {
      id: task.id,
      locale: zh,
      now,
      input: {
        version: task.version,
        categoryId: other.id,
        isMain: false,
        titleEn: "Renamed task",
        indicators: task.indicators.map((i) => ({
          id: i.id,
          code: i.code,
          nameZh: i.nameZh,
          nameEn: `${i.nameEn} (edited)`,
          unit: i.unit,
          direction: i.direction,
          baseline: i.baseline === null ? null : Number(i.baseline),
          target: i.target === null ? null : Number(i.target),
        })),
      },
    });
    expect(updated).toMatchObject({ categoryId: other.id, isMain: false, titleEn: "Renamed task" });
    expect(updated.version).toBeGreaterThan(task.version);
    expect(updated.indicators[0]!.nameEn).toMatch(/\(edited\)$/);
    const items = await db.prisma.ledgerItem.findMany({ where: { taskId: task.id } });
    expect(items.every((i) => i.categoryId === other.id && !i.isMain)).toBe(true);
    const ids = task.ledgerItems.map((i) => i.id);
    const open = await db.prisma.ledgerItemSpan.findMany({
      where: { ledgerItemId: { in: ids }, validTo: null },
    });
    expect(open).toHaveLength(ids.length);
    expect(open.every((s) => s.categoryId === other.id && !s.isMain)).toBe(true);
    expect(open.every((s) => s.validFrom.getTime() === now.getTime())).toBe(true);
    const closed = await db.prisma.ledgerItemSpan.count({
      where: { ledgerItemId: { in: ids }, validTo: now, categoryId: task.categoryId, isMain: true },
    });
    expect(closed).toBe(ids.length);
    const actions = (await auditsOf("Task", task.id)).map((a) => a.action);
    expect(actions).toEqual(["task.reclassify", "task.update"]);

    // Stale version: 409 with the current task.
    const stale = await failure(
      updateTask(admin, {
        id: task.id,
        locale: zh,
        input: { version: task.version, titleEn: "x" },
      }),
    );
    expect(stale.status).toBe(409);
    expect((stale.details?.current as { version: number }).version).toBe(updated.version);
    // An indicator with reported values cannot be dropped.
    const reported = await db.prisma.indicatorValue.findFirst({
      where: { indicator: { taskId: task.id } },
    });
    if (reported) {
      const dropped = await failure(
        updateTask(admin, {
          id: task.id,
          locale: zh,
          input: { version: updated.version, indicators: [] },
        }),
      );
      expect(dropped.fields?.indicators).toBe("已有填报数值的指标不能删除。");
    }
  });

  it("categories: create, unique code, delete when unused, audited", async () => {
    const sdu = await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } });
    const created = await createCategory(admin, {
      input: { programmeId: sdu.id, code: "C99", nameZh: "其他", nameEn: "Other", sortOrder: 99 },
      locale: zh,
    });
    const dup = await failure(
      createCategory(admin, {
        input: { programmeId: sdu.id, code: "c99", nameZh: "x", nameEn: "x", sortOrder: 1 },
        locale: zh,
      }),
    );
    expect(dup.fields?.code).toBe("该编号已被使用。");
    await updateCategory(admin, { id: created.id, locale: zh, input: { nameEn: "Others" } });
    await deleteCategory(admin, { id: created.id, locale: zh });
    expect((await auditsOf("Category", created.id)).map((a) => a.action)).toEqual([
      "category.create",
      "category.update",
      "category.delete",
    ]);
  });
});

describe("the HTTP endpoints", () => {
  type Handler = (
    req: NextRequest,
    ctx: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
  const tokens: Record<string, string> = {};
  const call = async (
    handler: Handler,
    as: string,
    options: { method?: string; id?: string; body?: unknown; lang?: string },
  ) => {
    if (!tokens[as]) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username: as } });
      tokens[as] = (await createApiToken(user.id, "test")).token;
    }
    const response = await handler(
      new NextRequest("http://localhost/api/v1/x", {
        method: options.method ?? "GET",
        headers: {
          authorization: `Bearer ${tokens[as]}`,
          "accept-language": options.lang ?? "zh-CN",
          ...(options.body ? { "content-type": "application/json" } : {}),
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
      }),
      { params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}) },
    );
    return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it("PATCH needs the version; admin-hunan gets 403 on SDU-2023, the national admin 409 when stale", async () => {
    const sdu = await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } });
    const read = await call(getProgrammeEndpoint.handler, "reviewer-hunan", { id: sdu.id });
    expect(read.status).toBe(200);
    expect(read.json.canManage).toBe(false);
    const noVersion = await call(updateProgrammeEndpoint.handler, "admin", {
      method: "PATCH",
      id: sdu.id,
      body: { nameEn: "x" },
    });
    expect(noVersion.status).toBe(422);
    expect(noVersion.json.error.fields.version).toBe("此项为必填项。");
    const hunan = await call(updateProgrammeEndpoint.handler, "admin-hunan", {
      method: "PATCH",
      id: sdu.id,
      body: { version: sdu.version, nameEn: "x" },
    });
    expect(hunan.status).toBe(403);
    const stale = await call(updateProgrammeEndpoint.handler, "admin", {
      method: "PATCH",
      id: sdu.id,
      body: { version: sdu.version + 5, dueSoonDays: 10 },
    });
    expect(stale.status).toBe(409);
    const reviewer = await call(updateTaskEndpoint.handler, "reviewer-hunan", {
      method: "PATCH",
      id: (await db.prisma.task.findFirstOrThrow()).id,
      body: { version: 1 },
    });
    expect(reviewer.status).toBe(403);
  });

  it("the OpenAPI document lists the catalogue's endpoints", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/programmes/{id}"]!)).toEqual(
      expect.arrayContaining(["get", "patch"]),
    );
    expect(doc.paths["/programmes/{id}/copy"]).toHaveProperty("post");
    expect(Object.keys(doc.paths["/tasks/{id}"]!)).toEqual(
      expect.arrayContaining(["get", "patch", "delete"]),
    );
    expect(doc.paths["/categories"]).toHaveProperty("post");
  });
});

describe("pure parts", () => {
  it("moves dates by whole months when the starts share a day of the month", () => {
    const shift = dayShifter(calendarDay(2023, 1, 1), calendarDay(2026, 1, 1));
    expect(isoDay(shift(calendarDay(2024, 6, 30)))).toBe("2027-06-30");
    expect(isoDay(shift(calendarDay(2024, 12, 31)))).toBe("2027-12-31");
    expect(isoDay(shift(calendarDay(2024, 2, 29)))).toBe("2027-02-28");
    const byDays = dayShifter(calendarDay(2023, 1, 1), calendarDay(2023, 1, 11));
    expect(isoDay(byDays(calendarDay(2023, 12, 31)))).toBe("2024-01-10");
  });

  it("the default round follows the cadence", () => {
    const now = new Date("2026-11-20T10:00:00+08:00");
    expect(defaultRound(now)).toEqual({
      period: "2026-11",
      windowOpensOn: "2026-12-01",
      windowClosesOn: "2026-12-10",
    });
    expect(defaultRound(now, "QUARTER")).toEqual({
      period: "2026-Q4",
      windowOpensOn: "2027-01-01",
      windowClosesOn: "2027-01-10",
    });
  });

  it("exports the field schemas for the Excel import", () => {
    expect(taskFieldsSchema.shape.code).toBeDefined();
    expect(taskFieldsSchema.omit({ categoryId: true }).safeParse({}).success).toBe(false);
  });
});
