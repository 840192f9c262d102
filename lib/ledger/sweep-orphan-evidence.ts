import "server-only";
import fs from "node:fs/promises";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { storagePath } from "./evidence";

/** An uploaded file not attached to any entry after this long was abandoned (a closed form). */
export const ORPHAN_EVIDENCE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes evidence files uploaded but never attached to an entry within a day: the row (with its
 * audit record, in one transaction each) and then the file. A row whose entry was saved in the
 * meantime is left alone (the delete re-checks `entryId: null`).
 */
export async function sweepOrphanEvidence(now: Date, limit = 500) {
  const db = getDb();
  const cutoff = new Date(now.getTime() - ORPHAN_EVIDENCE_AFTER_MS);
  const orphans = await db.evidence.findMany({
    where: { kind: "FILE", entryId: null, createdAt: { lt: cutoff } },
    select: { id: true, ledgerItemId: true, fileName: true, sha256: true, storageKey: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let removed = 0;
  for (const orphan of orphans) {
    const deleted = await db.$transaction(async (tx) => {
      const { count } = await tx.evidence.deleteMany({ where: { id: orphan.id, entryId: null } });
      if (count === 0) return false;
      await recordAudit(tx, {
        actor: null,
        action: "evidence.removeOrphan",
        entityType: "Evidence",
        entityId: orphan.id,
        before: {
          ledgerItemId: orphan.ledgerItemId,
          fileName: orphan.fileName,
          sha256: orphan.sha256,
        },
      });
      return true;
    });
    if (!deleted) continue;
    removed += 1;
    // After the commit: a crash here leaves a file without a row (harmless), never the reverse.
    if (orphan.storageKey) await fs.rm(storagePath(orphan.storageKey), { force: true });
  }
  return { removed };
}
