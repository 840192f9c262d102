import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/i18n/zod";
import { conflict, findManagedEnterprise, ownsSupervisor } from "./access";
import { effectiveAt } from "./effective-at";
import { MoveEnterpriseInput } from "./write-schemas";

/**
 * Moves an enterprise with its subtree under another parent (or makes it a group) and/or hands
 * the subtree to another supervisor, through the history writer `moveEnterprise`. The supervisor
 * afterwards defaults to the new parent's. The actor must own the current supervisor and, for a
 * handover, the new one too; a parent outside the read scope is "unknown" like a missing one.
 */
export async function moveEnterpriseSubtree(
  actor: Actor,
  options: { id: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(MoveEnterpriseInput, options.input, options.locale);
  const at = effectiveAt(input.effectiveOn, options.now ?? new Date(), options.locale);
  const t = translator(options.locale);
  return getDb().$transaction(async (tx) => {
    const enterprise = await findManagedEnterprise(tx, actor, options.id, {
      id: true,
      version: true,
      mergedIntoId: true,
    });
    if (enterprise.version !== input.version) throw conflict(enterprise.version);
    if (enterprise.mergedIntoId)
      throw new AppError("validation_failed", undefined, {
        _form: t("registry.merge.alreadyMerged"),
      });
    let parentSupervisorId: string | null = null;
    if (input.parentId) {
      const parent = await tx.enterprise.findFirst({
        where: { AND: [{ id: input.parentId }, enterpriseScopeWhere(actor)] },
        select: { supervisorId: true },
      });
      if (!parent)
        throw new AppError("validation_failed", undefined, {
          parentId: t("registry.move.unknownParent"),
        });
      parentSupervisorId = parent.supervisorId;
    }
    const supervisorId = input.supervisorId ?? parentSupervisorId ?? enterprise.supervisorId;
    if (!ownsSupervisor(actor, supervisorId)) throw new AppError("forbidden");
    return moveEnterprise(tx, {
      enterpriseId: enterprise.id,
      parentId: input.parentId,
      supervisorId,
      at,
      actor,
      requestId: options.requestId,
      locale: options.locale,
    });
  });
}
