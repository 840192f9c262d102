import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { withProgrammeRollup } from "@/lib/dashboard/rollup/rebuild";
import { isoDay } from "@/lib/time";
import { assertOwnsSupervisor, programmeToManage } from "./access";
import { catalogueFieldError, parseCatalogueInput } from "./parse";
import { assertProgrammeCodeFree, programmeColumns, replaceLists } from "./programme-writes";
import { UpdateProgrammeInput, type ProgrammeDetail } from "./schemas";
import { programmeDetailInclude, toProgrammeDetail } from "./to-dto";

async function detail(tx: DbTx, id: string) {
  const programme = await tx.programme.findUniqueOrThrow({
    where: { id },
    include: programmeDetailInclude,
  });
  return toProgrammeDetail(programme, true);
}

/**
 * Edits a programme: any of its fields, and its milestones and targets as full lists, under the
 * version the editor read (409 with the current state when stale). Owners only (403 for a
 * programme one can see but not change).
 */
export async function updateProgramme(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string },
): Promise<ProgrammeDetail> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const { locale } = options;
  const { version, milestones, targets, ...fields } = parseCatalogueInput(
    UpdateProgrammeInput,
    options.input,
    locale,
  );
  return getDb().$transaction(
    async (tx) => {
      const current = await programmeToManage(tx, actor, options.id);
      if (current.version !== version)
        throw new AppError("conflict", undefined, undefined, {
          current: await detail(tx, current.id),
        });
      if (fields.supervisorId && fields.supervisorId !== current.supervisorId)
        await assertOwnsSupervisor(tx, actor, fields.supervisorId, () =>
          catalogueFieldError(locale, "supervisorId", "unknownSupervisor"),
        );
      if (fields.code && fields.code !== current.code)
        await assertProgrammeCodeFree(tx, fields.code, locale, current.id);
      // The date rules again over the merged values: a partial change must fit the rest.
      const start = fields.startDate ?? isoDay(current.startDate);
      const end = fields.endDate ?? isoDay(current.endDate);
      const until =
        fields.reportingUntil !== undefined
          ? fields.reportingUntil
          : current.reportingUntil && isoDay(current.reportingUntil);
      if (end < start) throw catalogueFieldError(locale, "endDate", "endBeforeStart");
      if (until && until < end)
        throw catalogueFieldError(locale, "reportingUntil", "reportingBeforeEnd");

      const before = await detail(tx, current.id);
      const update = () =>
        tx.programme.updateMany({
          where: { id: current.id, version },
          data: { ...programmeColumns(fields), version: { increment: 1 } },
        });
      // The colour rule's plan reads the start date and the points behind plan on every day of
      // every item: a change of either re-streams the programme's roll-up from the start.
      const planChanged =
        (fields.startDate !== undefined && fields.startDate !== isoDay(current.startDate)) ||
        (fields.behindPlanPoints !== undefined &&
          fields.behindPlanPoints !== current.behindPlanPoints);
      const updated = planChanged
        ? await withProgrammeRollup(tx, current.id, "created", update)
        : await update();
      if (updated.count === 0)
        throw new AppError("conflict", undefined, undefined, { current: before });
      await replaceLists(tx, current.id, { milestones, targets }, locale);
      const after = await detail(tx, current.id);
      await recordAudit(tx, {
        actor,
        action: "programme.update",
        entityType: "Programme",
        entityId: current.id,
        before,
        after,
        requestId: options.requestId,
      });
      return after;
    },
    // A plan change re-streams the programme's roll-up (seconds for a region's programme).
    { timeout: 10 * 60_000 },
  );
}
