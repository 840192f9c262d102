import "server-only";
import { z } from "zod";
import { invalidCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeSql, enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay, parseIsoDay } from "@/lib/time";
import { ROUND_PAGE_SIZE, type FilingState, type RoundList } from "./schemas";
import { defaultRound } from "./default-round";
import { toRoundDto } from "./to-dto";

const share = (filed: number, units: number) =>
  units ? Math.round((filed / units) * 10_000) / 100 : null;

/**
 * Reporting rounds, newest period first, a keyset page at a time, each with the units in the
 * actor's scope that filed out of those expected: one grouped statement for the page.
 */
export async function listRounds(
  actor: Actor,
  options: { programmeId?: string; cursor?: string; limit?: number } = {},
): Promise<RoundList> {
  const limit = options.limit ?? ROUND_PAGE_SIZE;
  const [afterDay, afterId] = parseRoundCursor(options.cursor);
  const rounds = await getDb().reportingRound.findMany({
    where: {
      ...(options.programmeId ? { programmeId: options.programmeId } : {}),
      ...(afterDay && afterId
        ? {
            OR: [
              { periodStart: { lt: parseIsoDay(afterDay) } },
              { periodStart: parseIsoDay(afterDay), id: { lt: afterId } },
            ],
          }
        : {}),
    },
    orderBy: [{ periodStart: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rounds.slice(0, limit);
  const counts = await filedCounts(
    actor,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const c = counts.get(r.id) ?? { total: 0, filed: 0 };
      return { ...toRoundDto(r), ...c, sharePercent: share(c.filed, c.total) };
    }),
    nextCursor: rounds.length > limit && last ? `${isoDay(last.periodStart)}~${last.id}` : null,
  };
}

/**
 * The cursor carries the sort values themselves (period start, id): no row is looked up, so it
 * tells nothing about rows; one that is not a real day and uuid is the lists' 400 invalid cursor.
 */
function parseRoundCursor(cursor: string | undefined): [string?, string?] {
  if (!cursor) return [];
  const [day, id] = cursor.split("~");
  try {
    parseIsoDay(day ?? "");
  } catch {
    throw invalidCursor();
  }
  if (!z.uuid().safeParse(id).success) throw invalidCursor();
  return [day, id];
}

/** Per round: units expected to file (open main items when the period began) and those filed. */
async function filedCounts(actor: Actor, roundIds: string[]) {
  const out = new Map<string, { total: number; filed: number }>();
  if (!roundIds.length) return out;
  const rows = await getDb().$queryRaw<{ id: string; total: number; filed: number }[]>(Prisma.sql`
    SELECT r."id",
           count(DISTINCT li."enterpriseId")::int AS "total",
           count(DISTINCT f."enterpriseId")::int AS "filed"
    FROM "ReportingRound" r
    JOIN "LedgerItem" li ON li."programmeId" = r."programmeId" AND li."isMain"
      AND NOT li."notApplicable"
      AND (li."completedAt" IS NULL OR li."completedAt" >= r."periodStart")
    LEFT JOIN "RoundFiling" f ON f."roundId" = r."id" AND f."enterpriseId" = li."enterpriseId"
    WHERE r."id" = ANY(${roundIds}::uuid[])
      AND ${enterpriseScopeSql(actor, Prisma.sql`li."enterpriseId"`)}
    GROUP BY r."id"`);
  for (const r of rows) out.set(r.id, { total: r.total, filed: r.filed });
  return out;
}

/**
 * Who has filed for a round, within the actor's scope: per supervisor the share of units that
 * filed, and the list of units. A unit is an enterprise with main items still open when the
 * period began. Once the window has closed (at `now`), a unit that never filed is "not filed".
 */
export async function roundFilingStatus(actor: Actor, roundId: string, now: Date = new Date()) {
  const db = getDb();
  const round = await db.reportingRound.findUnique({ where: { id: roundId } });
  if (!round) return null;
  const closed = now >= round.windowClosesAt;
  const units = await db.enterprise.findMany({
    where: {
      AND: [
        enterpriseScopeWhere(actor),
        {
          ledgerItems: {
            some: {
              programmeId: round.programmeId,
              isMain: true,
              notApplicable: false,
              OR: [{ completedAt: null }, { completedAt: { gte: round.periodStart } }],
            },
          },
        },
      ],
    },
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      supervisor: { select: { id: true, code: true, nameZh: true, nameEn: true } },
      roundFilings: { where: { roundId }, select: { filedAt: true, late: true } },
    },
    orderBy: [{ supervisorId: "asc" }, { code: "asc" }],
  });
  const bySupervisor = new Map<
    string,
    { id: string; code: string; nameZh: string; nameEn: string; units: number; filed: number }
  >();
  for (const u of units) {
    const s = bySupervisor.get(u.supervisor.id) ?? { ...u.supervisor, units: 0, filed: 0 };
    s.units += 1;
    if (u.roundFilings.length) s.filed += 1;
    bySupervisor.set(u.supervisor.id, s);
  }
  const stateOf = (filing: { late: boolean } | undefined): FilingState =>
    filing ? (filing.late ? "late" : "onTime") : closed ? "notFiled" : "pending";
  return {
    round: toRoundDto(round),
    supervisors: [...bySupervisor.values()].map((s) => ({
      ...s,
      sharePercent: share(s.filed, s.units),
    })),
    enterprises: units.map((u) => ({
      id: u.id,
      code: u.code,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      supervisorId: u.supervisor.id,
      filedAt: u.roundFilings[0]?.filedAt.toISOString() ?? null,
      late: u.roundFilings[0]?.late ?? false,
      state: stateOf(u.roundFilings[0]),
    })),
  };
}

/** The round each programme would most likely open now, stepped by its reporting cadence. */
export async function roundDefaultsFor(programmeIds: readonly string[], now: Date) {
  const programmes = await getDb().programme.findMany({
    where: { id: { in: [...programmeIds] } },
    select: { id: true, reportingCadence: true },
  });
  return Object.fromEntries(programmes.map((p) => [p.id, defaultRound(now, p.reportingCadence)]));
}
