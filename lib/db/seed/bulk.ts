/**
 * Bulk insert for the seed's large tables (ledger items, entries, values, reviews, events, ...).
 * Prisma's createMany cost about half a millisecond of client CPU per row (measured on a loaded
 * two-core machine), which made the seed take 15-20 s; one
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)` per chunk does the same work in a fraction
 * of that. Identifiers come from the constant column maps below, never from data; every value
 * travels as a bind parameter.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** PostgreSQL element types; enum types are written quoted, e.g. '"LedgerStatus"'. */
type ColumnType =
  "uuid" | "text" | "int4" | "bool" | "date" | "timestamp(3)" | "numeric" | `"${string}"`;

export type Columns<Row> = { [K in keyof Row]?: ColumnType };

function toParam(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return type === "date" ? isoDay(value) : value.toISOString();
  if (typeof value === "object") return String(value); // Prisma.Decimal
  return value;
}

/**
 * Inserts `rows` into `table`. Every key of every row must be listed in `columns` (so that a new
 * field is never dropped silently); listed columns a row lacks are inserted as NULL.
 */
export async function bulkInsert<Row extends object>(
  tx: Tx,
  table: string,
  columns: Columns<Row>,
  rows: Row[],
  chunk = 5000,
) {
  const names = Object.keys(columns) as (keyof Row & string)[];
  const known = new Set<string>(names);
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!known.has(key)) throw new Error(`bulkInsert ${table}: column "${key}" is not mapped`);
    }
  }
  const types = names.map((n) => columns[n]!);
  const sql =
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) ` +
    `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const params = names.map((n, k) => slice.map((row) => toParam(row[n], types[k]!)));
    await tx.$executeRawUnsafe(sql, ...params);
  }
}

export const LEDGER_ITEM_COLUMNS: Columns<Prisma.LedgerItemCreateManyInput> = {
  id: "uuid",
  programmeId: "uuid",
  taskId: "uuid",
  categoryId: "uuid",
  isMain: "bool",
  enterpriseId: "uuid",
  notApplicable: "bool",
  notApplicableReason: "text",
  responsibleDept: "text",
  responsiblePerson: "text",
  responsiblePhone: "text",
  dueDate: "date",
  status: '"LedgerStatus"',
  percentDone: "int4",
  lastEntryAt: "timestamp(3)",
  claimedAt: "timestamp(3)",
  completedAt: "timestamp(3)",
  version: "int4",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
};

export const INDICATOR_TARGET_COLUMNS: Columns<Prisma.LedgerIndicatorTargetCreateManyInput> = {
  ledgerItemId: "uuid",
  indicatorId: "uuid",
  baseline: "numeric",
  target: "numeric",
};

export const ENTRY_COLUMNS: Columns<Prisma.ProgressEntryCreateManyInput> = {
  id: "uuid",
  ledgerItemId: "uuid",
  kind: '"EntryKind"',
  periodType: '"PeriodType"',
  period: "text",
  periodStart: "date",
  periodEnd: "date",
  roundId: "uuid",
  narrative: "text",
  percentDone: "int4",
  status: '"LedgerStatus"',
  reviewState: '"ReviewState"',
  late: "bool",
  correctsId: "uuid",
  authorId: "uuid",
  createdAt: "timestamp(3)",
};

export const VALUE_COLUMNS: Columns<Prisma.IndicatorValueCreateManyInput> = {
  id: "uuid",
  entryId: "uuid",
  indicatorId: "uuid",
  value: "numeric",
  ledgerItemId: "uuid",
  createdAt: "timestamp(3)",
  returned: "bool",
};

export const REVIEW_COLUMNS: Columns<Prisma.EntryReviewCreateManyInput> = {
  id: "uuid",
  entryId: "uuid",
  reviewerId: "uuid",
  decision: '"ReviewDecision"',
  comment: "text",
  createdAt: "timestamp(3)",
};

export const EVENT_COLUMNS: Columns<Prisma.LedgerStatusEventCreateManyInput> = {
  ledgerItemId: "uuid",
  fromStatus: '"LedgerStatus"',
  toStatus: '"LedgerStatus"',
  percentDone: "int4",
  at: "timestamp(3)",
  actorId: "uuid",
  entryId: "uuid",
};

export const EVIDENCE_COLUMNS: Columns<Prisma.EvidenceCreateManyInput> = {
  id: "uuid",
  ledgerItemId: "uuid",
  entryId: "uuid",
  kind: '"EvidenceKind"',
  fileName: "text",
  mimeType: "text",
  sizeBytes: "int4",
  sha256: "text",
  storageKey: "text",
  url: "text",
  title: "text",
  uploadedById: "uuid",
  createdAt: "timestamp(3)",
};

export const FILING_COLUMNS: Columns<Prisma.RoundFilingCreateManyInput> = {
  roundId: "uuid",
  enterpriseId: "uuid",
  filedAt: "timestamp(3)",
  filedById: "uuid",
  late: "bool",
};
