/**
 * How the matrix calls each operation on a target tree: path params, query and a body that is
 * valid (so a 2xx proves permission), read fresh at call time (current versions). Operations whose
 * call would destroy demo data (merge, move) send a stale version: a permitted caller gets 409,
 * which is decided after the permission and scope checks.
 */
import { currentPeriod, pdfFile } from "../integration/fixtures";
import { fresh, MISSING, type Fixtures, type Target } from "./fixtures";

export type CallParts = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  form?: FormData;
};
type Build = (fx: Fixtures, target: Target) => Promise<CallParts> | CallParts;

const STALE = 999_999;
let rounds = 0;
const day = "2024-06-30";

async function version(fx: Fixtures, model: "ledgerItem" | "task" | "user", id: string) {
  const row = await (
    fx.prisma[model] as unknown as {
      findUnique(a: object): Promise<{ version: number } | null>;
    }
  ).findUnique({ where: { id }, select: { version: true } });
  return row?.version ?? 1;
}

/** An entry still waiting for review, looked up at call time (earlier calls may have decided one). */
async function submittedEntry(fx: Fixtures, g: Target) {
  const row = await fx.prisma.progressEntry.findFirst({
    where: {
      reviewState: "SUBMITTED",
      ledgerItem: { enterprise: { ancestors: { some: { ancestorId: t(fx, g).enterpriseId } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  return row?.id ?? MISSING;
}

const t = (fx: Fixtures, target: Target) => fx.trees[target];

export const REQUESTS: Record<string, Build> = {
  "GET /me": () => ({}),
  "GET /enterprises": (fx, g) => ({ query: { parentId: t(fx, g).enterpriseId } }),
  "POST /enterprises": (fx, g) => ({
    body: {
      code: fresh("AZ"),
      parentId: t(fx, g).enterpriseId,
      nameZh: "测试子企业",
      nameEn: "Test sub",
    },
  }),
  "GET /enterprises/{id}": (fx, g) => ({ params: { id: t(fx, g).enterpriseId } }),
  "PATCH /enterprises/{id}": async (fx, g) => {
    const e = await fx.prisma.enterprise.findUniqueOrThrow({ where: { id: t(fx, g).childId } });
    return { params: { id: e.id }, body: { version: e.version, nameEn: e.nameEn } };
  },
  "POST /enterprises/{id}/move": (fx, g) => ({
    params: { id: t(fx, g).childId },
    body: { parentId: t(fx, g).enterpriseId, version: STALE },
  }),
  "GET /enterprises/{id}/merge": (fx, g) => ({
    params: { id: t(fx, g).childId },
    query: { survivorId: t(fx, g).enterpriseId },
  }),
  "POST /enterprises/{id}/merge": (fx, g) => ({
    params: { id: t(fx, g).childId },
    body: { survivorId: t(fx, g).enterpriseId, version: STALE },
  }),
  "GET /ledger-items": (fx, g) => ({ query: { enterpriseId: t(fx, g).enterpriseId } }),
  "GET /ledger-items/{id}": (fx, g) => ({ params: { id: t(fx, g).itemId } }),
  "GET /ledger-items/{id}/entries": (fx, g) => ({ params: { id: t(fx, g).itemId } }),
  "POST /ledger-items/{id}/entries": async (fx, g) => {
    const id = t(fx, g).itemId;
    const item = await fx.prisma.ledgerItem.findUnique({ where: { id } });
    return {
      params: { id },
      body: {
        version: item?.version ?? 1,
        period: currentPeriod(),
        narrative: "Progress for the authorization matrix",
        percentDone: Math.min(99, (item?.percentDone ?? 0) + 1),
      },
    };
  },
  "POST /ledger-items/{id}/completion-claims": async (fx, g) => ({
    params: { id: t(fx, g).itemId },
    body: {
      version: await version(fx, "ledgerItem", t(fx, g).itemId),
      period: currentPeriod(),
      statement: "Completed as the catalogue requires",
      justification: "The indicator shortfall is explained in the attached report.",
      evidenceIds: [MISSING],
    },
  }),
  "POST /ledger-items/{id}/evidence": (fx, g) => {
    const form = new FormData();
    form.set("file", pdfFile());
    return { params: { id: t(fx, g).itemId }, form };
  },
  "GET /evidence/{id}": (fx, g) => ({ params: { id: t(fx, g).evidenceId } }),
  "GET /ledger-items/{id}/comments": (fx, g) => ({ params: { id: t(fx, g).itemId } }),
  "POST /ledger-items/{id}/comments": (fx, g) => ({
    params: { id: t(fx, g).itemId },
    body: { body: "A comment from the matrix" },
  }),
  "GET /ledger-items/{id}/mentionable": (fx, g) => ({ params: { id: t(fx, g).itemId } }),
  "GET /saved-views": () => ({}),
  "POST /saved-views": () => ({ body: { name: fresh("view"), query: "status=IN_PROGRESS" } }),
  "DELETE /saved-views/{id}": async (fx, g) => {
    const view = await fx.prisma.savedView.create({
      data: { userId: t(fx, g).liaisonId, name: fresh("v"), query: "" },
    });
    return { params: { id: view.id } };
  },
  "GET /review-queue": (fx, g) => ({ query: { enterpriseId: t(fx, g).enterpriseId } }),
  "POST /entries/{id}/reviews": async (fx, g) => ({
    params: { id: await submittedEntry(fx, g) },
    body: { decision: "RETURN", comment: "Please add evidence" },
  }),
  "POST /review-decisions": async (fx, g) => ({
    body: { entryIds: [await submittedEntry(fx, g)], decision: "APPROVE" },
  }),
  "GET /notifications": () => ({}),
  "POST /notifications/read": () => ({ body: { ids: "all" } }),
  "GET /rounds": (fx, g) => ({ query: { programmeId: t(fx, g).programmeId } }),
  "POST /rounds": (fx, g) => ({
    body: {
      programmeId: t(fx, g).programmeId,
      period: `${2031 + (++rounds % 60)}-01`,
      windowOpensOn: `${2031 + (rounds % 60)}-02-01`,
      windowClosesOn: `${2031 + (rounds % 60)}-02-10`,
    },
  }),
  "GET /rounds/{id}": (fx, g) => ({ params: { id: t(fx, g).roundId } }),
  "POST /rounds/{id}/filings": (fx, g) => ({
    params: { id: t(fx, g).roundId },
    body: { enterpriseId: t(fx, g).enterpriseId },
  }),
  "POST /rounds/{id}/reminders": (fx, g) => ({ params: { id: t(fx, g).roundId } }),
  "GET /notices": () => ({}),
  "POST /notices": (fx, g) => ({
    body: {
      itemIds: [t(fx, g).itemId],
      level: "BLUE",
      requiredAction: "Report progress",
      responseDueOn: "2031-01-31",
    },
  }),
  "GET /notices/groups": (fx, g) => ({ query: { itemIds: t(fx, g).itemId } }),
  "GET /notices/{id}": (fx, g) => ({ params: { id: t(fx, g).noticeId } }),
  "GET /notices/{id}/pdf": (fx, g) => ({ params: { id: t(fx, g).noticeId } }),
  "POST /notices/{id}/replies": (fx, g) => ({
    params: { id: t(fx, g).noticeId },
    body: { body: "Reply from the matrix" },
  }),
  "POST /notices/{id}/actions": (fx, g) => ({
    params: { id: t(fx, g).noticeId },
    body: { action: "escalate", comment: "Escalated by the matrix" },
  }),
  "GET /dashboard": (fx, g) => ({ query: { enterpriseId: t(fx, g).enterpriseId } }),
  "GET /bulletins": (fx, g) => ({
    query: { programmeId: t(fx, g).programmeId, enterpriseId: t(fx, g).enterpriseId, asOf: day },
  }),
  "POST /bulletins/jobs": (fx, g) => ({
    body: { programmeId: t(fx, g).programmeId, enterpriseId: t(fx, g).enterpriseId, asOf: day },
  }),
  "GET /bulletins/jobs/{id}": () => ({ params: { id: MISSING } }),
  "GET /bulletins/jobs/{id}/file": () => ({ params: { id: MISSING } }),
  "GET /programmes": () => ({}),
  "POST /programmes": (fx, g) => ({
    body: {
      code: fresh("P"),
      nameZh: "测试方案",
      nameEn: "Test programme",
      startDate: "2031-01-01",
      endDate: "2031-12-31",
      status: "ACTIVE",
      closeOffLevels: 1,
      dueSoonDays: 14,
      behindPlanPoints: 10,
      reportingCadence: "MONTH",
      supervisorId: t(fx, g).supervisorId,
    },
  }),
  "GET /programmes/{id}": (fx, g) => ({ params: { id: t(fx, g).programmeId } }),
  "PATCH /programmes/{id}": async (fx, g) => {
    const p = await fx.prisma.programme.findUnique({ where: { id: t(fx, g).programmeId } });
    return {
      params: { id: t(fx, g).programmeId },
      body: { version: p?.version ?? 1, nameEn: p?.nameEn },
    };
  },
  "POST /programmes/{id}/copy": (fx, g) => ({
    params: { id: t(fx, g).programmeId },
    body: { code: fresh("C"), nameZh: "副本", nameEn: "Copy", startDate: "2031-01-01" },
  }),
  "POST /categories": (fx, g) => ({
    body: {
      programmeId: t(fx, g).programmeId,
      code: fresh("K"),
      nameZh: "类",
      nameEn: "Cat",
      sortOrder: 900,
    },
  }),
  "PATCH /categories/{id}": (fx, g) => ({
    params: { id: t(fx, g).categoryId },
    body: { sortOrder: 1 },
  }),
  "DELETE /categories/{id}": async (fx, g) => {
    if (t(fx, g).programmeId === MISSING) return { params: { id: MISSING } };
    const c = await fx.prisma.category.create({
      data: {
        programmeId: t(fx, g).programmeId,
        code: fresh("D"),
        nameZh: "删",
        nameEn: "Del",
        sortOrder: 999,
      },
    });
    return { params: { id: c.id } };
  },
  "GET /tasks": (fx, g) => ({ query: { programmeId: t(fx, g).programmeId } }),
  "POST /tasks": (fx, g) => ({
    body: {
      programmeId: t(fx, g).programmeId,
      categoryId: t(fx, g).categoryId,
      code: fresh("T"),
      titleZh: "任务",
      titleEn: "Task",
      isMain: true,
      weight: 1,
    },
  }),
  "GET /tasks/{id}": (fx, g) => ({ params: { id: t(fx, g).taskId } }),
  "PATCH /tasks/{id}": async (fx, g) => ({
    params: { id: t(fx, g).taskId },
    body: { version: await version(fx, "task", t(fx, g).taskId), sortOrder: 5 },
  }),
  "DELETE /tasks/{id}": async (fx, g) => {
    if (t(fx, g).categoryId === MISSING) return { params: { id: MISSING } };
    const task = await fx.prisma.task.create({
      data: {
        programmeId: t(fx, g).programmeId,
        categoryId: t(fx, g).categoryId,
        code: fresh("X"),
        titleZh: "删",
        titleEn: "Del",
      },
    });
    return { params: { id: task.id } };
  },
  "POST /assignments": (fx, g) => ({
    body: {
      taskIds: [t(fx, g).taskId],
      selection: { enterpriseIds: [t(fx, g).enterpriseId] },
      dryRun: true,
    },
  }),
  "PATCH /ledger-items/{id}/applicability": (fx, g) => ({
    params: { id: t(fx, g).itemId },
    body: { notApplicable: false, version: STALE },
  }),
  "GET /programmes/{id}/matrix": (fx, g) => ({ params: { id: t(fx, g).programmeId } }),
  "GET /exports/catalogue": (fx, g) => ({ query: { programmeId: t(fx, g).programmeId } }),
  "GET /exports/registry": () => ({}),
  "GET /exports/ledger": (fx, g) => ({
    query: { programmeId: t(fx, g).programmeId, enterpriseId: t(fx, g).enterpriseId },
  }),
  "POST /imports": () => ({ form: new FormData() }),
  "GET /imports/jobs/{id}": () => ({ params: { id: MISSING } }),
  "POST /me/password": () => ({
    body: { currentPassword: "wrong-password", newPassword: "Another-pass-2031" },
  }),
  "GET /users": () => ({}),
  "POST /users": (fx, g) => ({
    body: {
      username: fresh("u").toLowerCase(),
      displayName: "Matrix user",
      role: "LIAISON",
      enterpriseIds: [t(fx, g).enterpriseId],
      password: "Matrix-pass-2031",
    },
  }),
  "GET /users/{id}": (fx, g) => ({ params: { id: t(fx, g).liaisonId } }),
  "PATCH /users/{id}": async (fx, g) => ({
    params: { id: t(fx, g).liaisonId },
    body: { version: await version(fx, "user", t(fx, g).liaisonId) },
  }),
  "POST /users/{id}/password-reset": (fx, g) => ({
    params: { id: t(fx, g).liaisonId },
    body: { password: "Matrix-reset-2031" },
  }),
  "GET /tokens": (fx, g) => ({ query: { userId: t(fx, g).liaisonId } }),
  "POST /tokens": (fx, g) => ({ body: { name: fresh("tok"), userId: t(fx, g).liaisonId } }),
  "DELETE /tokens/{id}": async (fx, g) => {
    const row = await fx.prisma.apiToken.create({
      data: { userId: t(fx, g).liaisonId, name: fresh("t"), prefix: "rl_x", tokenHash: fresh("h") },
    });
    return { params: { id: row.id } };
  },
  "GET /audit": (fx, g) => ({
    query: { entityType: "Enterprise", entityId: t(fx, g).enterpriseId },
  }),
};
