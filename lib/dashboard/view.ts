import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Target } from "./forecast";
import type { DashboardNode } from "./nodes";

/** What every view of one dashboard answer reads with: one transaction, one node, one instant. */
export type ViewContext = {
  db: DbTx;
  actor: Actor;
  programmeId: string;
  node: DashboardNode;
  /** The as-of China day (UTC midnight) and its last instant: figures count the whole day. */
  day: Date;
  at: Date;
  /** "YYYY-MM-DD" of `day`. */
  asOf: string;
  /** Programme-wide targets, in date order. */
  targets: readonly Target[];
};

/** Instants as a derived table d("at", "i") with i = 1..n, for one statement over many dates. */
export function instantsSql(instants: readonly Date[]): Prisma.Sql {
  return Prisma.sql`unnest(${instants.map((d) => d.toISOString())}::timestamp[]) WITH ORDINALITY AS d("at", "i")`;
}

export const D_AT = Prisma.raw(`d."at"`);

/**
 * Σ(weight x percent done) / Σ weight in percent (completed items count 100), two decimals. With
 * `onlyFirst`, only for the rows of the first instant d."i" = 1 (NULL for the others), so the
 * percent of each item is looked up only where the figure is shown.
 */
export const weightedSql = (alias: string, onlyFirst = false) => {
  const at = (expr: string) => (onlyFirst ? `CASE WHEN d."i" = 1 THEN ${expr} END` : expr);
  const percent = `CASE WHEN ${alias}."completed" THEN 100 ELSE ${alias}."percentDone" END`;
  return Prisma.raw(`round(sum(${at(`${alias}."weight" * ${percent}`)})
    / nullif(sum(${at(`${alias}."weight"`)}), 0), 2)::float8`);
};

export type Counts = { total: number; completed: number };

/** An instant as a SQL timestamp (Prisma stores DateTime columns as UTC `timestamp(3)`). */
export const instantSqlOf = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp`;
