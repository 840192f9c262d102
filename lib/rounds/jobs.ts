import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { withProgrammeRollup } from "@/lib/dashboard/rollup/rebuild";
import { freezeRoundSnapshot } from "@/lib/dashboard/snapshots";
import { getDb, type DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { liaisonsFor } from "@/lib/notifications/recipients";
import { announceOpen, lastDay } from "./open-round";

/** How long before a window closes the unfiled are reminded. */
export const REMIND_BEFORE_MS = 3 * 86_400_000;

/** Enterprises with open main items in the round's programme that have not filed. */
export async function unfiledEnterprises(
  tx: DbTx,
  round: { id: string; programmeId: string; periodStart: Date },
  scope: Prisma.EnterpriseWhereInput = {},
) {
  const rows = await tx.enterprise.findMany({
    where: {
      ...scope,
      ledgerItems: {
        some: {
          programmeId: round.programmeId,
          isMain: true,
          notApplicable: false,
          OR: [{ completedAt: null }, { completedAt: { gte: round.periodStart } }],
        },
      },
      roundFilings: { none: { roundId: round.id } },
    },
    select: { id: true, nameZh: true, nameEn: true },
  });
  return rows;
}

/**
 * The round clock, run by the job worker (and by tests with a moved `now`): opens planned rounds
 * whose window has begun, reminds unfiled units shortly before the window closes (once), and
 * closes rounds whose window has ended, telling the liaisons of units that did not file.
 */
export async function runRoundClock(now: Date = new Date()) {
  const db = getDb();
  const result = { opened: 0, reminded: 0, closed: 0 };

  for (const round of await db.reportingRound.findMany({
    where: { status: "PLANNED", windowOpensAt: { lte: now } },
  })) {
    await db.$transaction(async (tx) => {
      const moved = await tx.reportingRound.updateMany({
        where: { id: round.id, status: "PLANNED" },
        data: { status: "OPEN" },
      });
      if (moved.count !== 1) return;
      await announceOpen(tx, round, now);
      await recordAudit(tx, {
        actor: null,
        action: "round.autoOpen",
        entityType: "ReportingRound",
        entityId: round.id,
        after: { status: "OPEN" },
      });
      result.opened += 1;
    });
  }

  const closing = await db.reportingRound.findMany({
    where: {
      status: "OPEN",
      windowClosesAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) },
    },
  });
  for (const round of closing) {
    await db.$transaction(async (tx) => {
      // Once per round and user: a reminder already sent carries the round id.
      const already = await tx.notification.findMany({
        where: { kind: "ROUND_CLOSING", params: { path: ["roundId"], equals: round.id } },
        select: { userId: true },
      });
      const done = new Set(already.map((n) => n.userId));
      const unfiled = await unfiledEnterprises(tx, round);
      const liaisons = await liaisonsFor(
        tx,
        unfiled.map((e) => e.id),
      );
      const userIds = [...new Set([...liaisons.values()].flat())].filter((id) => !done.has(id));
      await notify(tx, {
        userIds,
        kind: "ROUND_CLOSING",
        params: { period: round.period, closes: lastDay(round.windowClosesAt), roundId: round.id },
        link: `/rounds/${round.id}`,
        now,
      });
      result.reminded += userIds.length;
    });
  }

  for (const round of await db.reportingRound.findMany({
    where: { status: "OPEN", windowClosesAt: { lte: now } },
  })) {
    await db.$transaction(
      async (tx) => {
        // The close turns the silent items yellow from today on: the roll-up follows (its colours).
        const moved = await withProgrammeRollup(tx, round.programmeId, now, () =>
          tx.reportingRound.updateMany({
            where: { id: round.id, status: "OPEN" },
            data: { status: "CLOSED", closedAt: now },
          }),
        );
        if (moved.count !== 1) return;
        // The period-end figures freeze with the close: the bulletin of the round shows these.
        const frozen = await freezeRoundSnapshot(tx, round, now);
        const unfiled = await unfiledEnterprises(tx, round);
        const liaisons = await liaisonsFor(
          tx,
          unfiled.map((e) => e.id),
        );
        for (const enterprise of unfiled) {
          await notify(tx, {
            userIds: liaisons.get(enterprise.id) ?? [],
            kind: "ROUND_LATE",
            params: {
              period: round.period,
              enterpriseZh: enterprise.nameZh,
              enterpriseEn: enterprise.nameEn,
              roundId: round.id,
            },
            link: `/rounds/${round.id}`,
            now,
          });
        }
        await recordAudit(tx, {
          actor: null,
          action: "round.close",
          entityType: "ReportingRound",
          entityId: round.id,
          after: { status: "CLOSED", unfiled: unfiled.length, snapshotRows: frozen },
        });
        result.closed += 1;
      },
      // The roll-up's re-stream reads the programme's open items (minutes at national scale).
      { timeout: 30 * 60_000 },
    );
  }
  return result;
}
