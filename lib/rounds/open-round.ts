import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { parsePeriod } from "@/lib/ledger/period";
import { notify } from "@/lib/notifications/notify";
import { liaisonsFor } from "@/lib/notifications/recipients";
import { chinaDeadline, deadlineDay, isoDay, startOfChinaDay } from "@/lib/time";
import { OpenRoundInput } from "./schemas";
import { toRoundDto } from "./to-dto";

/** An administrator opens a reporting round for a period with a filing window. */
export async function openRound(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  if (!can(actor, "round.manage")) throw new AppError("forbidden");
  const input = parseInput(OpenRoundInput, options.input, options.locale);
  const period = parsePeriod(input.period)!;
  const now = options.now ?? new Date();
  // Filing windows are whole China days: from 00:00 of the first to 24:00 of the last.
  const windowOpensAt = startOfChinaDay(input.windowOpensOn);
  const windowClosesAt = chinaDeadline(input.windowClosesOn);
  if (windowClosesAt <= period.start)
    throw new AppError("validation_failed", undefined, { windowClosesOn: "windowBeforePeriod" });

  return getDb().$transaction(async (tx) => {
    const programme = await tx.programme.findUnique({
      where: { id: input.programmeId },
      select: { id: true, supervisorId: true },
    });
    if (!programme)
      throw new AppError("validation_failed", undefined, { programmeId: "invalidChoice" });
    // Only the administrators of the SASAC that runs the programme open its rounds.
    if (!managesSupervisor(actor, "round.manage", programme.supervisorId))
      throw new AppError("forbidden");
    const exists = await tx.reportingRound.count({
      where: { programmeId: programme.id, period: period.key },
    });
    if (exists) throw new AppError("validation_failed", undefined, { period: "roundExists" });
    const round = await tx.reportingRound.create({
      data: {
        programmeId: programme.id,
        period: period.key,
        periodType: period.type,
        periodStart: period.start,
        periodEnd: period.end,
        windowOpensAt,
        windowClosesAt,
        status: windowOpensAt <= now ? "OPEN" : "PLANNED",
        openedById: actor.id,
      },
    });
    if (round.status === "OPEN") await announceOpen(tx, round, now);
    await recordAudit(tx, {
      actor,
      action: "round.open",
      entityType: "ReportingRound",
      entityId: round.id,
      after: toRoundDto(round),
      requestId: options.requestId,
    });
    return toRoundDto(round);
  });
}

/** Tells every liaison with main items in the programme that the round is open. */
export async function announceOpen(
  tx: DbTx,
  round: { id: string; programmeId: string; period: string; windowClosesAt: Date },
  now: Date,
) {
  const enterprises = await tx.ledgerItem.findMany({
    where: {
      programmeId: round.programmeId,
      isMain: true,
      notApplicable: false,
      status: { not: "COMPLETED" },
    },
    select: { enterpriseId: true },
    distinct: ["enterpriseId"],
  });
  const liaisons = await liaisonsFor(
    tx,
    enterprises.map((e) => e.enterpriseId),
  );
  await notify(tx, {
    userIds: [...new Set([...liaisons.values()].flat())],
    kind: "ROUND_OPENED",
    params: { period: round.period, closes: lastDay(round.windowClosesAt), roundId: round.id },
    link: `/rounds/${round.id}`,
    now,
  });
}

/** The last day of a window that ends at 24:00 China time, as YYYY-MM-DD. */
export function lastDay(windowClosesAt: Date): string {
  return isoDay(deadlineDay(windowClosesAt));
}
