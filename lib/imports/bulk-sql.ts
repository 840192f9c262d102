import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { CellValue } from "@/lib/excel/cell-value";

/** PostgreSQL element types of the columns an import writes (enum types quoted). */
export type SqlType = "uuid" | "text" | "int4" | "bool" | "date" | "numeric" | `"${string}"`;

const CHUNK = 5_000;

/**
 * Updates many rows of `table` in one statement a chunk: `UPDATE t SET c = v.c ... FROM
 * unnest($1::uuid[], $2::text[], ...) v WHERE t.id = v.id`, bumping `version` and `updatedAt`
 * where the table has them. Table and column names come from the appliers' constants, never
 * from the file; every value is a bind parameter.
 */
export async function bulkUpdate(
  tx: DbTx,
  table: "Category" | "Task" | "IndicatorDefinition" | "Enterprise" | "LedgerItem",
  columns: Record<string, SqlType>,
  rows: readonly { id: string; values: Record<string, CellValue> }[],
  options: { versioned: boolean; at: Date },
): Promise<void> {
  const names = Object.keys(columns);
  if (!rows.length || !names.length) return;
  const sets = names.map((n) => `"${n}" = v."${n}"`);
  if (options.versioned) sets.push(`"version" = t."version" + 1`, `"updatedAt" = $1::timestamp(3)`);
  const offset = options.versioned ? 2 : 1;
  const sql =
    `UPDATE "${table}" t SET ${sets.join(", ")} ` +
    `FROM unnest($${offset}::uuid[], ${names.map((n, i) => `$${i + offset + 1}::${columns[n]}[]`).join(", ")}) ` +
    `AS v("id", ${names.map((n) => `"${n}"`).join(", ")}) WHERE t."id" = v."id"`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const slice = rows.slice(i, i + CHUNK);
    const params: unknown[] = [
      slice.map((r) => r.id),
      ...names.map((n) => slice.map((r) => r.values[n] ?? null)),
    ];
    if (options.versioned) params.unshift(options.at.toISOString());
    await tx.$executeRawUnsafe(sql, ...params);
  }
}
