import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { LedgerListQuery } from "@/lib/ledger/schemas";
import { savedViewSelect, toSavedView } from "./queries";
import { SaveViewInput, type SavedViewDto } from "./schemas";

/** The view's query string with only the keys the ledger understands (no cursor, no limit). */
function cleanQuery(query: string): string {
  const keys = new Set(Object.keys(LedgerListQuery.shape));
  keys.delete("cursor");
  keys.delete("limit");
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  const out = new URLSearchParams();
  for (const [key, value] of params) if (keys.has(key) && value) out.set(key, value);
  return out.toString();
}

/** Saves a named view for the caller; a name they already use is a 422 on `name`. */
export async function saveView(
  actor: Actor,
  input: SaveViewInput,
  requestId?: string,
): Promise<SavedViewDto> {
  const { name, query } = SaveViewInput.parse(input);
  return getDb().$transaction(async (tx) => {
    const taken = await tx.savedView.count({ where: { userId: actor.id, name } });
    if (taken) throw new AppError("validation_failed", undefined, { name: "viewNameTaken" });
    const view = await tx.savedView.create({
      data: { userId: actor.id, name, query: cleanQuery(query) },
      select: savedViewSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "savedView.create",
      entityType: "SavedView",
      entityId: view.id,
      after: view,
      requestId,
    });
    return toSavedView(view);
  });
}
