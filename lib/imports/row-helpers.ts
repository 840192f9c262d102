import type { CellValue } from "@/lib/excel/cell-value";
import { comparable } from "./diff";
import type { ParsedRow, ParsedSheet } from "./parse-sheets";
import type { Problems } from "./problems";

/**
 * The values of a row's present columns by database field. A blank cell clears a nullable field
 * (the workbook is the whole truth of the row), but keeps a field that cannot be empty (a weight,
 * a sort order, a yes/no) as it is, or gives a new row its default.
 */
export function rowFields(
  sheet: ParsedSheet,
  row: ParsedRow,
  map: Record<string, string>,
  keepWhenBlank: ReadonlySet<string> = new Set(),
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, field] of Object.entries(map)) {
    if (!sheet.present.has(key)) continue;
    const value = row.values[key] ?? null;
    if (value === null && keepWhenBlank.has(key)) continue;
    out[field] = value;
  }
  return out;
}

/** The row as an update writes it: every field of the present columns, unchanged ones as they are. */
export function updateValues(
  current: Record<string, unknown>,
  fields: Record<string, CellValue>,
  all: readonly string[],
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const f of all) out[f] = f in fields ? fields[f]! : comparable(current[f]);
  return out;
}

/** A problem at a row's cell of `key` in `sheet`. */
export function rowProblem(
  problems: Problems,
  sheet: ParsedSheet,
  row: number,
  key: string,
  code: string,
  params?: Record<string, string | number>,
) {
  problems.add({
    sheet: sheet.name,
    row,
    key,
    column: sheet.columnOf.get(key) ?? null,
    code,
    params,
  });
}

/** Fields whose columns are in the sheet, in the order of `map`. */
export function presentFields(sheet: ParsedSheet, map: Record<string, string>): string[] {
  return Object.entries(map)
    .filter(([key]) => sheet.present.has(key))
    .map(([, field]) => field);
}
