import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Entry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Per-object audit records of an import, written together with createMany at the end of the
 * import's transaction (the same rows recordAudit writes one by one), so ten thousand changed
 * rows cost a few statements, not ten thousand round trips.
 */
export class AuditBatch {
  private readonly entries: Entry[] = [];
  constructor(
    private readonly actor: Actor,
    private readonly requestId: string | undefined,
  ) {}

  add(entry: Entry) {
    this.entries.push(entry);
  }

  async flush(tx: DbTx): Promise<void> {
    const actorLabel = `${this.actor.username} (${this.actor.via})`;
    const data = this.entries.map((e) => ({
      actorId: this.actor.id,
      actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: json(e.before),
      after: json(e.after),
      requestId: this.requestId ?? null,
    }));
    for (let i = 0; i < data.length; i += 2_000)
      await tx.auditLog.createMany({ data: data.slice(i, i + 2_000) });
    this.entries.length = 0;
  }
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
