import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { assertOwnsSupervisor } from "./access";
import { catalogueFieldError, parseCatalogueInput } from "./parse";
import { assertProgrammeCodeFree, programmeColumns, replaceLists } from "./programme-writes";
import { CreateProgrammeInput, type ProgrammeDetail } from "./schemas";
import { programmeDetailInclude, toProgrammeDetail } from "./to-dto";

/**
 * An administrator creates a programme for a supervisor they own, with its first milestones and
 * programme-wide targets (category targets follow once categories exist).
 */
export async function createProgramme(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string },
): Promise<ProgrammeDetail> {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const { milestones, targets, ...fields } = parseCatalogueInput(
    CreateProgrammeInput,
    options.input,
    options.locale,
  );
  const { locale } = options;
  return getDb().$transaction(async (tx) => {
    await assertOwnsSupervisor(tx, actor, fields.supervisorId, () =>
      catalogueFieldError(locale, "supervisorId", "unknownSupervisor"),
    );
    await assertProgrammeCodeFree(tx, fields.code, locale);
    const columns = programmeColumns(fields);
    const created = await tx.programme.create({
      data: {
        ...columns,
        code: fields.code,
        nameZh: fields.nameZh,
        nameEn: fields.nameEn,
        startDate: columns.startDate!,
        endDate: columns.endDate!,
        supervisorId: fields.supervisorId,
      },
      select: { id: true },
    });
    await replaceLists(tx, created.id, { milestones, targets }, locale);
    const programme = await tx.programme.findUniqueOrThrow({
      where: { id: created.id },
      include: programmeDetailInclude,
    });
    const dto = toProgrammeDetail(programme, true);
    await recordAudit(tx, {
      actor,
      action: "programme.create",
      entityType: "Programme",
      entityId: programme.id,
      after: dto,
      requestId: options.requestId,
    });
    return dto;
  });
}
