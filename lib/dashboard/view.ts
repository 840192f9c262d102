import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Target } from "./forecast";
import type { DashboardNode } from "./nodes";
import { isAfterEverythingRecorded } from "./population";

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

/**
 * Instants as a derived table d("at", "i"), for one statement over many dates: i = 1..n, or the
 * positions given (a statement answering part of a longer list).
 */
export function instantsSql(instants: readonly Date[], positions?: readonly number[]): Prisma.Sql {
  const at = instants.map((d) => d.toISOString());
  return positions
    ? Prisma.sql`unnest(${at}::timestamp[], ${positions}::int[]) AS d("at", "i")`
    : Prisma.sql`unnest(${at}::timestamp[]) WITH ORDINALITY AS d("at", "i")`;
}

export const D_AT = Prisma.raw(`d."at"`);

/**
 * One statement over instants (rows i = 1..n): an instant after everything recorded (today) by a
 * branch of its own over that constant instant, which reads no history (population.ts `current`),
 * the others together, `at` being the column d."at" of the LATERAL list.
 */
export function byInstantSql(
  instants: readonly Date[],
  branch: (d: Prisma.Sql, at: Date | Prisma.Sql) => Prisma.Sql,
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const past: Date[] = [];
  const pastIndex: number[] = [];
  instants.forEach((at, k) => {
    if (isAfterEverythingRecorded(at)) parts.push(branch(instantsSql([at], [k + 1]), at));
    else {
      past.push(at);
      pastIndex.push(k + 1);
    }
  });
  if (past.length) parts.push(branch(instantsSql(past, pastIndex), D_AT));
  return Prisma.join(parts, " UNION ALL ");
}

/** Σ(weight x percent done) / Σ weight in percent (completed items count 100), two decimals. */
export const weightedSql = (alias: string) => {
  const percent = `CASE WHEN ${alias}."completed" THEN 100 ELSE ${alias}."percentDone" END`;
  return Prisma.raw(`round(sum(${alias}."weight" * ${percent})
    / nullif(sum(${alias}."weight"), 0), 2)::float8`);
};

/**
 * A view's statement over several instants where only the first needs the costly columns (a
 * percent or status per item): that one by `full` over d."i" = 1, the others by `counts` over
 * i = 2..n, joined by UNION ALL. Not one statement with the columns guarded by d."i" = 1: the
 * planner computes a pulled-up population's columns below the aggregate, for every row.
 */
export function firstInstantFullSql(
  instants: readonly Date[],
  /** Over d("at", "i") holding the first instant, also given as a constant. */
  full: (d: Prisma.Sql, first: Date) => Prisma.Sql,
  counts: (d: Prisma.Sql) => Prisma.Sql,
): Prisma.Sql {
  const [first, ...rest] = instants;
  const parts = [full(instantsSql([first!]), first!)];
  const positions = rest.map((_, k) => k + 2);
  if (rest.length) parts.push(counts(instantsSql(rest, positions)));
  return Prisma.join(parts, " UNION ALL ");
}

export type Counts = { total: number; completed: number };

/** An instant as a SQL timestamp (Prisma stores DateTime columns as UTC `timestamp(3)`). */
export const instantSqlOf = (at: Date) => Prisma.sql`${at.toISOString()}::timestamp`;
