import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay, isoDay } from "@/lib/time";
import { validAtSql } from "../population";

/**
 * The roll-up read side: per key, the figures as of the end of China day d."day" = Σ RollupMonth
 * of the months before d."day"'s month + Σ RollupDay of its month up to d."day" (a month's last
 * day: its months up to its own, no days; the trend's points are month ends). A LATERAL over
 * a derived table d("day", "i"). Columns: "supervisorId", "categoryId", "isMain", "total",
 * "completed", "pendingClaims", "weight", "weightedPercent", "red", "yellow".
 */
export function rollupAsOfSql(programmeId: string): Prisma.Sql {
  return rollupPairAsOfSql(
    "Rollup",
    `"supervisorId", "categoryId", "isMain", "total", "completed", "pendingClaims", "weight",
    "weightedPercent", "red", "yellow"`,
    programmeId,
  );
}

/**
 * The rows `columns` of a roll-up's month and day tables (`${prefix}Month`, `${prefix}Day`) that
 * sum to the figures as of the end of day d."day", as rollupAsOfSql reads RollupMonth/RollupDay.
 */
export function rollupPairAsOfSql(
  prefix: "Rollup" | "RollupGroup" | "RollupIndicator",
  columns: string,
  programmeId: string,
): Prisma.Sql {
  const cols = Prisma.raw(columns);
  return Prisma.sql`(
    SELECT ${cols} FROM ${Prisma.raw(`"${prefix}Month"`)} m
    WHERE m."programmeId" = ${programmeId}::uuid AND m."month" < date_trunc('month', d."day" + 1)::date
    UNION ALL
    SELECT ${cols} FROM ${Prisma.raw(`"${prefix}Day"`)} x
    WHERE x."programmeId" = ${programmeId}::uuid
      AND x."day" >= date_trunc('month', d."day" + 1)::date AND x."day" <= d."day")`;
}

/** The China days of instants (each the last instant of its day) as d("day", "i"), i = 1..n. */
export function rollupDaysSql(instants: readonly Date[]): Prisma.Sql {
  return Prisma.sql`unnest(${instants.map((at) => isoDay(chinaDay(at)))}::date[]) WITH ORDINALITY AS d("day", "i")`;
}

/** Σ weight x percent / Σ weight over roll-up rows, exactly as `weightedSql` rounds the raw one. */
export const rollupWeightedSql = (alias: string) =>
  Prisma.raw(`round(sum(${alias}."weightedPercent")::numeric(30, 2)
    / nullif(sum(${alias}."weight")::numeric(30, 2), 0), 2)::float8`);

/**
 * Which supervisors' roll-up rows make up the viewer's figures at the instants, or null when the
 * roll-up cannot stand for them (the caller computes from the raw history). `of` is the whole
 * scope, or supervisors each counted on its own (a supervisor node, the scope's children). The
 * population counts an item under its supervisor at the instant but only if its enterprise is in
 * the viewer's scope NOW, so the sum over supervisors S is exact when no enterprise supervised
 * by one of S at an instant is outside the scope now, and, for the whole scope, no enterprise in
 * the scope now was supervised by one outside S then. A national viewer needs no check.
 */
export async function rollupSupervisors(
  db: DbTx,
  actor: Actor,
  of: "scope" | readonly string[],
  instants: readonly Date[],
): Promise<"all" | string[] | null> {
  if (actor.scopeAll) return of === "scope" ? "all" : [...of];
  const supervisors = of === "scope" ? [...actor.supervisorIds] : [...of];
  const inSet = Prisma.sql`ss."supervisorId" = ANY(${supervisors}::uuid[])`;
  const inScope = enterpriseScopeSql(actor, Prisma.raw(`ss."enterpriseId"`));
  const mismatch =
    of === "scope" ? Prisma.sql`(${inSet}) <> ${inScope}` : Prisma.sql`${inSet} AND NOT ${inScope}`;
  const [row] = await db.$queryRaw<{ mismatch: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "EnterpriseSupervisorSpan" ss
      CROSS JOIN unnest(${instants.map((at) => at.toISOString())}::timestamp[]) t("at")
      WHERE ${validAtSql("ss", Prisma.raw(`t."at"`))} AND ${mismatch}) AS "mismatch"`;
  return row!.mismatch ? null : supervisors;
}

/**
 * Whether an enterprise subtree's RollupNodeMonth rows are the viewer's figures at the instants:
 * the population counts an item in the subtree as it stood then but only if its enterprise is in
 * the viewer's scope now, so every enterprise of the subtree at an instant must be in the scope.
 */
export async function rollupNodeStands(
  db: DbTx,
  actor: Actor,
  enterpriseId: string,
  instants: readonly Date[],
): Promise<boolean> {
  if (actor.scopeAll) return true;
  const [row] = await db.$queryRaw<{ outside: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "EnterpriseClosureSpan" cs
      CROSS JOIN unnest(${instants.map((at) => at.toISOString())}::timestamp[]) t("at")
      WHERE cs."ancestorId" = ${enterpriseId}::uuid AND ${validAtSql("cs", Prisma.raw(`t."at"`))}
        AND NOT ${enterpriseScopeSql(actor, Prisma.raw(`cs."descendantId"`))}) AS "outside"`;
  return !row!.outside;
}

/** The supervisors whose rows make up a node's figures (an enterprise node never: null). */
export function nodeSupervisors(
  db: DbTx,
  actor: Actor,
  node: { type: "scope" | "supervisor" | "enterprise"; id: string | null },
  instants: readonly Date[],
): Promise<"all" | string[] | null> {
  if (node.type === "enterprise") return Promise.resolve(null);
  return rollupSupervisors(db, actor, node.type === "scope" ? "scope" : [node.id!], instants);
}

/** The filter on roll-up rows `alias` for the supervisors `rollupSupervisors` returned. */
export function rollupSupervisorSql(alias: string, supervisors: "all" | string[]): Prisma.Sql {
  return supervisors === "all"
    ? Prisma.sql`TRUE`
    : Prisma.sql`${Prisma.raw(`${alias}."supervisorId"`)} = ANY(${supervisors}::uuid[])`;
}
