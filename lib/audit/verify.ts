import "server-only";
import { createHash } from "node:crypto";
import type { DbTx } from "@/lib/db/client";

/**
 * What the verifier found wrong with one place in the chain:
 * - `edited`: the row's content no longer matches its own hash (changed after it was written);
 * - `missing`: the row's `prevHash` is not the hash of the row before it, so rows between
 *   `afterId` and `id` were removed (or `afterId`'s hash was rewritten); `missingIds` lists the ids
 *   in between (ids of rolled-back inserts are gaps too, so only the broken link is evidence);
 * - `unhashed`: the row carries no hash at all.
 */
export type AuditChainProblem =
  | { kind: "edited"; id: string }
  | { kind: "missing"; id: string; afterId: string | null; missingIds: string[] }
  | { kind: "unhashed"; id: string };

export type AuditChainReport = { checked: number; problems: AuditChainProblem[] };

type Row = { id: bigint; prevHash: string | null; hash: string | null; canonical: string };

const BATCH = 5_000;
/** A long run of missing ids is summarised by its ends. */
const LIST_LIMIT = 50;

/**
 * Recomputes the audit journal's hash chain in id order. The canonical text of each row comes
 * from the database function the insert trigger uses (one definition of the form); the SHA-256
 * is computed here, independently of the database.
 */
export async function verifyAuditChain(db: DbTx): Promise<AuditChainReport> {
  const problems: AuditChainProblem[] = [];
  let checked = 0;
  let previous: { id: bigint; hash: string | null } | null = null;
  for (;;) {
    const afterId: bigint = previous?.id ?? BigInt(-1);
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT id, "prevHash", hash,
             reform_audit_canonical(id, at, "actorId", "actorLabel", action, "entityType",
                                    "entityId", before, after, "requestId", "prevHash") AS canonical
      FROM "AuditLog" WHERE id > ${afterId} ORDER BY id LIMIT ${BATCH}`;
    for (const row of rows as Row[]) {
      checked += 1;
      const id = row.id.toString();
      if (!row.hash) problems.push({ kind: "unhashed", id });
      else if (sha256(row.canonical) !== row.hash) problems.push({ kind: "edited", id });
      if ((row.prevHash ?? null) !== (previous?.hash ?? null)) {
        problems.push({
          kind: "missing",
          id,
          afterId: previous ? previous.id.toString() : null,
          missingIds: idsBetween(previous?.id ?? BigInt(0), row.id),
        });
      }
      previous = { id: row.id, hash: row.hash };
    }
    if (rows.length < BATCH) break;
  }
  return { checked, problems };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function idsBetween(from: bigint, to: bigint): string[] {
  const count = to - from - BigInt(1);
  if (count <= BigInt(0)) return [];
  if (count > BigInt(LIST_LIMIT)) return [`${from + BigInt(1)}..${to - BigInt(1)}`];
  return Array.from({ length: Number(count) }, (_, i) => (from + BigInt(i + 1)).toString());
}

/** One line a problem, for the command line. */
export function describeProblem(problem: AuditChainProblem): string {
  switch (problem.kind) {
    case "edited":
      return `row ${problem.id}: content does not match its hash (edited)`;
    case "unhashed":
      return `row ${problem.id}: no hash`;
    case "missing":
      return problem.missingIds.length
        ? `row ${problem.id}: chain broken after ${problem.afterId ?? "the start"}; missing row(s) ${problem.missingIds.join(", ")}`
        : `row ${problem.id}: chain broken after ${problem.afterId ?? "the start"} (the row before was rewritten or rows were removed)`;
  }
}
