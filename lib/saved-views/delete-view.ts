import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { savedViewSelect } from "./queries";

/** Deletes one of the caller's views; someone else's (or none) is a 404. */
export async function deleteView(actor: Actor, id: string, requestId?: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({
      where: { id, userId: actor.id },
      select: savedViewSelect,
    });
    if (!view) throw new AppError("not_found");
    await tx.savedView.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "savedView.delete",
      entityType: "SavedView",
      entityId: id,
      before: view,
      requestId,
    });
  });
}
