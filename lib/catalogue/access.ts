import "server-only";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who sees and who changes a programme. Programmes are public to every signed-in user (the
 * dashboards, the ledger filters and the rounds name them all) except drafts, which only their
 * owners see while they prepare them. Changing one needs `catalogue.manage` over its supervisor
 * (`managesSupervisor`): a programme one can see but not change is a 403, one one cannot see a
 * 404, as for a missing id.
 */
export function programmeReadWhere(actor: Actor): Prisma.ProgrammeWhereInput {
  const manager = can(actor, "catalogue.manage");
  if (manager && actor.scopeAll) return {};
  const owned = manager ? [...actor.supervisorIds] : [];
  return {
    OR: [{ status: { not: "DRAFT" } }, ...(owned.length ? [{ supervisorId: { in: owned } }] : [])],
  };
}

export const canManageProgramme = (actor: Actor, programme: { supervisorId: string }) =>
  managesSupervisor(actor, "catalogue.manage", programme.supervisorId);

/** The programme to change, or 404 (not visible) / 403 (visible, not the actor's to change). */
export async function programmeToManage(tx: DbTx, actor: Actor, programmeId: string) {
  const programme = await tx.programme.findFirst({
    where: { AND: [{ id: programmeId }, programmeReadWhere(actor)] },
  });
  if (!programme) throw new AppError("not_found");
  if (!canManageProgramme(actor, programme)) throw new AppError("forbidden");
  return programme;
}

/** A supervisor the actor may give a programme to; else a 403 (an unknown id is a 422). */
export async function assertOwnsSupervisor(
  tx: DbTx,
  actor: Actor,
  supervisorId: string,
  invalid: () => AppError,
) {
  const supervisor = await tx.supervisor.findUnique({
    where: { id: supervisorId },
    select: { id: true },
  });
  if (!supervisor) throw invalid();
  if (!managesSupervisor(actor, "catalogue.manage", supervisorId)) throw new AppError("forbidden");
}
