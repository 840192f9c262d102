import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { DbTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
};

/** Dates as ISO strings, decimals and bigints as strings: the JSON stored must read back the same. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && "toFixed" in v && "d" in v) return String(v); // Prisma Decimal
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/**
 * Writes one audit record. Call it inside the same transaction as the change it describes, so
 * that a change without its record (or the reverse) cannot exist. The table refuses updates and
 * deletes (a trigger in the first migration).
 */
export async function recordAudit(tx: DbTx, input: AuditInput): Promise<void> {
  await tx.auditLog.create({ data: toRow(input) });
}

/**
 * Many audit records at once, for bulk changes (thousands of ledger items): the same rows as
 * `recordAudit` writes, in one `INSERT ... SELECT FROM unnest(...)` per chunk (Prisma's
 * createMany costs about a millisecond of client time per row).
 */
export async function recordAudits(tx: DbTx, inputs: readonly AuditInput[]): Promise<void> {
  const CHUNK = 5000;
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const rows = inputs.slice(i, i + CHUNK).map(toRow);
    const json = (v: Prisma.InputJsonValue | undefined) =>
      v === undefined ? null : JSON.stringify(v);
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entityType", "entityId", "before", "after", "requestId")
      SELECT * FROM unnest(
        ${rows.map((r) => r.actorId)}::uuid[], ${rows.map((r) => r.actorLabel)}::text[],
        ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entityType)}::text[],
        ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => json(r.before))}::jsonb[],
        ${rows.map((r) => json(r.after))}::jsonb[], ${rows.map((r) => r.requestId)}::text[])`;
  }
}

function toRow(input: AuditInput) {
  return {
    actorId: input.actor?.id ?? null,
    actorLabel: input.actor ? `${input.actor.username} (${input.actor.via})` : "system",
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: input.requestId ?? null,
  };
}
