import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import { recordAudit } from "./record";

export type DenialInput = {
  actor: Actor | null;
  /** The permission or use case refused, e.g. "ledger.write". */
  permission: string;
  /** What was asked for; "request" with the path when no single object is concerned. */
  entityType: string;
  entityId: string;
  /** "forbidden" (403) or "unauthenticated" (401); a 404 for an object outside the scope is not a denial worth a row. */
  reason: "forbidden" | "unauthenticated";
  requestId?: string;
};

/**
 * Records a refused request as an audit row ("access.denied"). Written on its own, outside the
 * refused change's transaction (which never commits). Callers decide what is worth a row: every
 * 403 is, but not every anonymous 401, or a client could fill the journal.
 */
export async function recordDenial(db: DbTx, input: DenialInput): Promise<void> {
  await recordAudit(db, {
    actor: input.actor,
    action: "access.denied",
    entityType: input.entityType,
    entityId: input.entityId,
    after: { permission: input.permission, reason: input.reason },
    requestId: input.requestId,
  });
}
