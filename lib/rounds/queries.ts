import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { toRoundDto } from "./to-dto";

export async function listRounds(programmeId?: string) {
  const rounds = await getDb().reportingRound.findMany({
    where: programmeId ? { programmeId } : {},
    orderBy: { periodStart: "desc" },
    take: 60,
  });
  return rounds.map(toRoundDto);
}

/**
 * Who has filed for a round, within the actor's scope: per supervisor the share of units that
 * filed, and the list of units. A unit is an enterprise with main items still open when the
 * period began.
 */
export async function roundFilingStatus(actor: Actor, roundId: string) {
  const db = getDb();
  const round = await db.reportingRound.findUnique({ where: { id: roundId } });
  if (!round) return null;
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
  return {
    round: toRoundDto(round),
    supervisors: [...bySupervisor.values()].map((s) => ({
      ...s,
      sharePercent: s.units ? Math.round((s.filed / s.units) * 10_000) / 100 : null,
    })),
    enterprises: units.map((u) => ({
      id: u.id,
      code: u.code,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      supervisorId: u.supervisor.id,
      filedAt: u.roundFilings[0]?.filedAt.toISOString() ?? null,
      late: u.roundFilings[0]?.late ?? false,
    })),
  };
}
