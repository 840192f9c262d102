import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/i18n/zod";
import { recordEnterprisesCreated } from "@/lib/history/record-enterprises-created";
import { ownsSupervisor } from "./access";
import { CreateEnterpriseInput } from "./write-schemas";

/**
 * Registers an enterprise (a group, or a subsidiary under `parentId`) in one transaction: the
 * row, its closure rows (itself at depth 0, then every ancestor of the parent one level further),
 * its first history spans and the audit record (recordEnterprisesCreated). The actor must own
 * the supervisor; a parent outside the read scope is "unknown" like a missing one.
 */
export async function createEnterprise(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  const input = parseInput(CreateEnterpriseInput, options.input, options.locale);
  const t = translator(options.locale);
  const now = options.now ?? new Date();
  const refuse = (field: string, message: string): never => {
    throw new AppError("validation_failed", undefined, { [field]: message });
  };

  return getDb().$transaction(async (tx) => {
    const parent = input.parentId
      ? await tx.enterprise.findFirst({
          where: { AND: [{ id: input.parentId }, enterpriseScopeWhere(actor)] },
          select: { id: true, rootId: true, depth: true, supervisorId: true, mergedIntoId: true },
        })
      : null;
    if (input.parentId && !parent) refuse("parentId", t("registry.form.unknownParent"));
    if (parent?.mergedIntoId) refuse("parentId", t("registry.form.mergedParent"));
    const supervisorId = input.supervisorId ?? parent?.supervisorId;
    if (!supervisorId) return refuse("supervisorId", t("registry.form.supervisorRequired"));
    const supervisor = await tx.supervisor.count({ where: { id: supervisorId } });
    if (!supervisor) refuse("supervisorId", t("registry.form.unknownSupervisor"));
    if (!ownsSupervisor(actor, supervisorId)) throw new AppError("forbidden");
    // The party-building supervisor is a reference too: a missing one is the user's mistake,
    // not a foreign-key failure.
    if (
      input.partySupervisorId &&
      !(await tx.supervisor.count({ where: { id: input.partySupervisorId } }))
    )
      refuse("partySupervisorId", t("registry.form.unknownSupervisor"));
    await assertUnique(
      tx,
      { code: input.code, creditCode: input.creditCode },
      null,
      options.locale,
    );

    const { parentId: _parentId, supervisorId: _supervisorId, ...attributes } = input;
    const enterprise = await tx.enterprise.create({
      data: {
        ...attributes,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        supervisorId,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await tx.$executeRaw`
      INSERT INTO "EnterpriseClosure" ("ancestorId", "descendantId", "depth")
      SELECT ${enterprise.id}::uuid, ${enterprise.id}::uuid, 0
      UNION ALL
      SELECT "ancestorId", ${enterprise.id}::uuid, "depth" + 1 FROM "EnterpriseClosure"
      WHERE "descendantId" = ${parent?.id ?? null}::uuid`;
    await recordEnterprisesCreated(tx, {
      enterpriseIds: [enterprise.id],
      actor,
      requestId: options.requestId,
    });
    return { id: enterprise.id };
  });
}

/**
 * The code and the credit code are unique: a taken one is a field message (the unique indexes
 * stay the last word under a race, answered 409).
 */
export async function assertUnique(
  tx: DbTx,
  values: { code?: string; creditCode?: string | null },
  selfId: string | null,
  locale: Locale,
) {
  const t = translator(locale);
  const notSelf = selfId ? { id: { not: selfId } } : {};
  const fields: Record<string, string> = {};
  if (values.code && (await tx.enterprise.count({ where: { code: values.code, ...notSelf } })))
    fields.code = t("registry.form.codeTaken");
  if (
    values.creditCode &&
    (await tx.enterprise.count({ where: { creditCode: values.creditCode, ...notSelf } }))
  )
    fields.creditCode = t("registry.form.creditCodeTaken");
  if (Object.keys(fields).length) throw new AppError("validation_failed", undefined, fields);
}
