/**
 * The tables built in TypeScript: supervisors, enterprises and their closure (with the initial
 * closure and supervisor spans, as lib/history/record-enterprises-created.ts writes them),
 * accounts and scopes, the programme, its catalogue and its rounds.
 */
import type pg from "pg";
import { addDays, startOfChinaDay } from "@/lib/time";
import { type Calendar, type Catalogue, monthDay } from "./catalogue";
import { uid } from "./ids";
import { insertRows } from "./load";
import type { Org } from "./org";
import type { People } from "./people";

export async function insertOrgAndPeople(
  client: pg.ClientBase,
  org: Org,
  people: People,
  passwordHash: string,
  cal: Calendar,
  salt: string,
) {
  // Everything exists a month before the programme starts, so every span covers its history.
  const created = startOfChinaDay(addDays(monthDay(cal, 0), -30));
  const at = { createdAt: created, updatedAt: created };
  await insertRows(
    client,
    "Supervisor",
    {
      id: "uuid",
      code: "text",
      nameZh: "text",
      nameEn: "text",
      level: '"SupervisorLevel"',
      region: "text",
      parentId: "uuid",
      createdAt: "timestamp(3)",
      updatedAt: "timestamp(3)",
    },
    org.supervisors.map((s) => ({ ...s, ...at })),
  );
  await insertRows(
    client,
    "Enterprise",
    {
      id: "uuid",
      code: "text",
      creditCode: "text",
      nameZh: "text",
      nameEn: "text",
      shortNameZh: "text",
      shortNameEn: "text",
      parentId: "uuid",
      rootId: "uuid",
      depth: "int4",
      supervisorId: "uuid",
      partySupervisorId: "uuid",
      region: "text",
      industryZh: "text",
      industryEn: "text",
      sortOrder: "int4",
      createdAt: "timestamp(3)",
      updatedAt: "timestamp(3)",
    },
    org.enterprises.map((e) => ({
      ...e,
      rootId: e.depth === 0 ? null : e.rootId,
      partySupervisorId: e.supervisorId,
      ...at,
    })),
  );
  await insertRows(
    client,
    "EnterpriseClosure",
    { ancestorId: "uuid", descendantId: "uuid", depth: "int4" },
    org.closure,
  );
  await client.query(`
    INSERT INTO "EnterpriseClosureSpan" ("ancestorId", "descendantId", "depth", "validFrom")
    SELECT c."ancestorId", c."descendantId", c."depth", e."createdAt"
    FROM "EnterpriseClosure" c JOIN "Enterprise" e ON e."id" = c."descendantId"`);
  await client.query(`
    INSERT INTO "EnterpriseSupervisorSpan" ("enterpriseId", "supervisorId", "validFrom")
    SELECT "id", "supervisorId", "createdAt" FROM "Enterprise"`);
  // What the Enterprise_search trigger writes for every other writer (the load runs without it).
  await client.query(`
    INSERT INTO "EnterpriseSearch" ("enterpriseId", "grams")
    SELECT "id", ledger_grams("nameZh" || ' ' || "nameEn" || ' ' || "code") FROM "Enterprise"`);
  await insertRows(
    client,
    "User",
    {
      id: "uuid",
      username: "text",
      displayName: "text",
      passwordHash: "text",
      role: '"Role"',
      scopeAll: "bool",
      createdAt: "timestamp(3)",
      updatedAt: "timestamp(3)",
    },
    people.users.map((u) => ({ ...u, passwordHash, ...at })),
  );
  const grants = people.users.filter((u) => u.supervisorId || u.enterpriseId);
  await insertRows(
    client,
    "UserScope",
    { id: "uuid", userId: "uuid", supervisorId: "uuid", enterpriseId: "uuid" },
    grants.map((u, i) => ({
      id: uid(salt, "scope", i),
      userId: u.id,
      supervisorId: u.supervisorId,
      enterpriseId: u.enterpriseId,
    })),
  );
  return org.enterprises.length + org.closure.length + people.users.length;
}

export async function insertCatalogue(client: pg.ClientBase, c: Catalogue) {
  const now = c.programme.startDate;
  await insertRows(
    client,
    "Programme",
    {
      id: "uuid",
      code: "text",
      nameZh: "text",
      nameEn: "text",
      descriptionZh: "text",
      descriptionEn: "text",
      startDate: "date",
      endDate: "date",
      reportingUntil: "date",
      status: '"ProgrammeStatus"',
      supervisorId: "uuid",
      createdAt: "timestamp(3)",
      updatedAt: "timestamp(3)",
    },
    [{ ...c.programme, createdAt: now, updatedAt: now }],
  );
  await insertRows(
    client,
    "Category",
    {
      id: "uuid",
      programmeId: "uuid",
      code: "text",
      nameZh: "text",
      nameEn: "text",
      sortOrder: "int4",
    },
    c.categories,
  );
  await insertRows(
    client,
    "Task",
    {
      id: "uuid",
      programmeId: "uuid",
      categoryId: "uuid",
      code: "text",
      titleZh: "text",
      titleEn: "text",
      doneCriteriaZh: "text",
      isMain: "bool",
      weight: "numeric",
      defaultDueDate: "date",
      sortOrder: "int4",
      createdAt: "timestamp(3)",
      updatedAt: "timestamp(3)",
    },
    c.tasks.map((t) => ({ ...t, createdAt: now, updatedAt: now })),
  );
  await insertRows(
    client,
    "IndicatorDefinition",
    {
      id: "uuid",
      taskId: "uuid",
      code: "text",
      nameZh: "text",
      nameEn: "text",
      unit: '"IndicatorUnit"',
      direction: '"IndicatorDirection"',
      baseline: "numeric",
      target: "numeric",
      sortOrder: "int4",
    },
    c.indicators,
  );
  await insertRows(
    client,
    "Target",
    {
      id: "uuid",
      programmeId: "uuid",
      categoryId: "uuid",
      dueDate: "date",
      ratePercent: "numeric",
      nameZh: "text",
      nameEn: "text",
    },
    c.targets,
  );
  await insertRows(
    client,
    "Milestone",
    { id: "uuid", programmeId: "uuid", date: "date", nameZh: "text", nameEn: "text" },
    c.milestones,
  );
  await insertRows(
    client,
    "ReportingRound",
    {
      id: "uuid",
      programmeId: "uuid",
      periodType: '"PeriodType"',
      period: "text",
      periodStart: "date",
      periodEnd: "date",
      windowOpensAt: "timestamp(3)",
      windowClosesAt: "timestamp(3)",
      status: '"RoundStatus"',
      openedById: "uuid",
      closedAt: "timestamp(3)",
      createdAt: "timestamp(3)",
    },
    c.rounds,
  );
  return c.tasks.length + c.rounds.length;
}
