import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";

type Entry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Per-object audit records of an import, written together at the end of the import's
 * transaction (the same rows recordAudit writes one by one) with one `INSERT ... SELECT FROM
 * unnest(...)` per five thousand: Prisma's createMany spent over a millisecond of client time on
 * each row's JSON, most of a 10,000-row import.
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
    const rows = this.entries;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const slice = rows.slice(i, i + CHUNK);
      await tx.$executeRawUnsafe(
        `INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entityType", "entityId", "before", "after", "requestId")
         SELECT $1::uuid, $2, a, t, e, b, f, $3 FROM unnest($4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[]) AS x(a, t, e, b, f)`,
        this.actor.id,
        actorLabel,
        this.requestId ?? null,
        slice.map((e) => e.action),
        slice.map((e) => e.entityType),
        slice.map((e) => e.entityId),
        slice.map((e) => json(e.before)),
        slice.map((e) => json(e.after)),
      );
    }
    this.entries.length = 0;
  }
}

const CHUNK = 5_000;

/** The JSON text of a value (bigints as strings), or SQL NULL. */
function json(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
