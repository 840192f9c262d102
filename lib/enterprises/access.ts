import "server-only";
import { managesSupervisor, type Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Whether the actor may change enterprises of this supervisor (register, edit, move, merge). */
export const ownsSupervisor = (actor: Actor, supervisorId: string) =>
  managesSupervisor(actor, "catalogue.manage", supervisorId);

/**
 * An enterprise the actor is about to change: outside the read scope (or missing) it is a 404,
 * visible but of a supervisor the actor does not own a 403.
 */
export async function findManagedEnterprise<S extends Prisma.EnterpriseSelect>(
  tx: DbTx,
  actor: Actor,
  id: string,
  select: S,
) {
  const row = await tx.enterprise.findFirst({
    where: { AND: [{ id }, enterpriseScopeWhere(actor)] },
    select: { ...select, supervisorId: true },
  });
  if (!row) throw new AppError("not_found");
  if (!ownsSupervisor(actor, (row as { supervisorId: string }).supervisorId))
    throw new AppError("forbidden");
  return row as unknown as Prisma.EnterpriseGetPayload<{ select: S & { supervisorId: true } }>;
}

/** A stale version is a 409 carrying the current one, so the page can reload it. */
export function conflict(version: number): AppError {
  return new AppError("conflict", undefined, undefined, { version });
}
