import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { liaisonsFor } from "@/lib/notifications/recipients";
import { chinaIsoDay } from "@/lib/time";
import { unfiledEnterprises } from "./jobs";
import type { RemindersResult } from "./schemas";

/**
 * 一键催报: after the filing window, an administrator reminds every unit that has not filed: one
 * notification (and e-mail) per liaison of each such unit. Once a China day per round: a second
 * click the same day sends nothing and answers when the first one was.
 */
export async function remindLateUnits(
  actor: Actor,
  options: { roundId: string; requestId?: string; now?: Date },
): Promise<RemindersResult> {
  if (!can(actor, "round.manage")) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  const day = chinaIsoDay(now);
  return getDb().$transaction(async (tx) => {
    const round = await tx.reportingRound.findUnique({
      where: { id: options.roundId },
      include: { programme: { select: { supervisorId: true } } },
    });
    if (!round) throw new AppError("not_found");
    if (!managesSupervisor(actor, "round.manage", round.programme.supervisorId))
      throw new AppError("forbidden");
    if (now < round.windowClosesAt)
      throw new AppError("validation_failed", undefined, { _form: "roundWindowOpen" });
    // Two administrators clicking at once: the second waits and then finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727200, hashtext(${round.id}))`;
    const earlier = await tx.auditLog.findFirst({
      where: {
        action: "round.remind",
        entityType: "ReportingRound",
        entityId: round.id,
        after: { path: ["day"], equals: day },
      },
      orderBy: { id: "desc" },
      select: { after: true },
    });
    if (earlier) {
      const after = earlier.after as { remindedAt: string; units: number; users: number };
      return {
        already: true,
        remindedAt: after.remindedAt,
        units: after.units,
        users: after.users,
      };
    }
    const unfiled = await unfiledEnterprises(tx, round, enterpriseScopeWhere(actor));
    const liaisons = await liaisonsFor(
      tx,
      unfiled.map((e) => e.id),
    );
    const users = new Set<string>();
    for (const enterprise of unfiled) {
      const userIds = liaisons.get(enterprise.id) ?? [];
      userIds.forEach((id) => users.add(id));
      await notify(tx, {
        userIds,
        kind: "ROUND_LATE",
        params: {
          period: round.period,
          enterpriseZh: enterprise.nameZh,
          enterpriseEn: enterprise.nameEn,
          roundId: round.id,
          reminder: 1,
        },
        link: `/rounds/${round.id}`,
        now,
      });
    }
    const result = {
      already: false,
      remindedAt: now.toISOString(),
      units: unfiled.length,
      users: users.size,
    };
    await recordAudit(tx, {
      actor,
      action: "round.remind",
      entityType: "ReportingRound",
      entityId: round.id,
      after: { day, ...result, enterpriseIds: unfiled.map((e) => e.id) },
      requestId: options.requestId,
    });
    return result;
  });
}

/** When the round's late units were last reminded today (China day of `now`), if they were. */
export async function remindedToday(roundId: string, now: Date = new Date()) {
  const row = await getDb().auditLog.findFirst({
    where: {
      action: "round.remind",
      entityType: "ReportingRound",
      entityId: roundId,
      after: { path: ["day"], equals: chinaIsoDay(now) },
    },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  return row ? (row.after as { remindedAt: string }).remindedAt : null;
}
