import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/i18n/zod";
import { conflict, findManagedEnterprise } from "./access";
import { assertUnique } from "./create-enterprise";
import { UpdateEnterpriseInput } from "./write-schemas";

const editable = {
  id: true,
  creditCode: true,
  nameZh: true,
  nameEn: true,
  shortNameZh: true,
  shortNameEn: true,
  region: true,
  industryZh: true,
  industryEn: true,
  functionalClass: true,
  ownershipForm: true,
  partySupervisorId: true,
  partyOrgNameZh: true,
  partyOrgNameEn: true,
  sortOrder: true,
  active: true,
  mergedIntoId: true,
  version: true,
  createdAt: true,
} as const;

/**
 * Edits an enterprise's attributes (PATCH: the fields sent). A new name (Chinese or English)
 * keeps the previous names as a former name (曾用名) valid from the previous rename, else from
 * the enterprise's registration, until `now`. Parent and supervisor change only by a move.
 */
export async function updateEnterprise(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(UpdateEnterpriseInput, options.input, options.locale);
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const before = await findManagedEnterprise(tx, actor, options.id, editable);
    if (before.version !== input.version) throw conflict(before.version);
    const { version, ...sent } = input;
    const changes = Object.fromEntries(
      Object.entries(sent).filter(
        ([key, value]) => value !== undefined && before[key as keyof typeof before] !== value,
      ),
    ) as Partial<typeof sent>;
    if (!Object.keys(changes).length) return { id: before.id, version: before.version };
    if (before.mergedIntoId && changes.active)
      throw new AppError("validation_failed", undefined, {
        active: translator(options.locale)("registry.form.inactiveMerged"),
      });
    if (changes.partySupervisorId) {
      const exists = await tx.supervisor.count({ where: { id: changes.partySupervisorId } });
      if (!exists)
        throw new AppError("validation_failed", undefined, {
          partySupervisorId: translator(options.locale)("registry.form.unknownSupervisor"),
        });
    }
    if (changes.creditCode)
      await assertUnique(tx, { creditCode: changes.creditCode }, before.id, options.locale);

    const renamed = changes.nameZh !== undefined || changes.nameEn !== undefined;
    if (renamed) {
      const previous = await tx.enterpriseName.findFirst({
        where: { enterpriseId: before.id },
        orderBy: { validTo: "desc" },
        select: { validTo: true },
      });
      await tx.enterpriseName.create({
        data: {
          enterpriseId: before.id,
          nameZh: before.nameZh,
          nameEn: before.nameEn,
          shortNameZh: before.shortNameZh,
          shortNameEn: before.shortNameEn,
          validFrom: previous?.validTo ?? before.createdAt,
          validTo: now,
        },
      });
    }
    const updated = await tx.enterprise.updateMany({
      where: { id: before.id, version },
      data: { ...changes, version: { increment: 1 }, updatedAt: now },
    });
    if (!updated.count) throw conflict(before.version);
    const { createdAt: _createdAt, id: _id, ...snapshot } = before;
    await recordAudit(tx, {
      actor,
      action: renamed ? "enterprise.rename" : "enterprise.update",
      entityType: "Enterprise",
      entityId: before.id,
      before: Object.fromEntries(
        Object.keys(changes).map((key) => [key, snapshot[key as keyof typeof snapshot]]),
      ),
      after: { ...changes, version: before.version + 1 },
      requestId: options.requestId,
    });
    return { id: before.id, version: before.version + 1 };
  });
}
