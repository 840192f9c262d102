import type { CellValue } from "@/lib/excel/cell-value";

/** A database value as the workbook would hold it: decimals as numbers, days as "YYYY-MM-DD". */
export function comparable(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "toFixed" in value) return Number(String(value)); // Prisma Decimal
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * The fields of `next` that differ from `current` (a database row), with both sides for the
 * audit record. Fields absent from `next` (columns left out of the file) are not compared.
 */
export function changedFields(
  current: Record<string, unknown>,
  next: Record<string, CellValue>,
): { before: Record<string, CellValue>; after: Record<string, CellValue> } | null {
  const before: Record<string, CellValue> = {};
  const after: Record<string, CellValue> = {};
  for (const [field, value] of Object.entries(next)) {
    const old = comparable(current[field]);
    if (!same(old, value)) {
      before[field] = old;
      after[field] = value;
    }
  }
  return Object.keys(after).length ? { before, after } : null;
}

/** Values of the sheet's present columns, by database field: `{ "task.titleZh": "titleZh" }`. */
export function fieldsOf(
  values: Record<string, CellValue>,
  present: ReadonlySet<string>,
  map: Record<string, string>,
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, field] of Object.entries(map)) {
    if (present.has(key)) out[field] = values[key] ?? null;
  }
  return out;
}
