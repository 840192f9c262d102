import "server-only";
import { classifyCell, convertCell, type CellValue } from "@/lib/excel/cell-value";
import { FIRST_DATA_ROW, KEY_ROW, type ColumnDef, type SheetDef } from "@/lib/excel/columns";
import type { RawSheet } from "@/lib/excel/read-workbook";
import { LOCALES } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import type { Problems } from "./problems";
import { ENUM_LABELS } from "./sheets";

export type ParsedRow = { row: number; values: Record<string, CellValue> };

export type ParsedSheet = {
  def: SheetDef;
  /** The sheet's name in the file (problems name it as the user sees it). */
  name: string;
  /** Keys present in row 2: a column left out of the file is left unchanged in the database. */
  present: ReadonlySet<string>;
  rows: ParsedRow[];
  /** Column number of each key, for the cell reference of a problem. */
  columnOf: ReadonlyMap<string, number>;
};

/**
 * Recognises each sheet by the keys of its row 2 and turns its data rows into typed values.
 * Structural problems (no keys row, unknown or missing keys, merged cells, a second sheet of the
 * same kind) and cell problems (text in a number, a date that is not one, a formula, a required
 * cell left empty, a code given twice) land in `problems` with sheet, row and column.
 */
export function parseSheets(
  raw: readonly RawSheet[],
  defs: readonly SheetDef[],
  problems: Problems,
): Map<string, ParsedSheet> {
  const parsed = new Map<string, ParsedSheet>();
  if (!raw.some((s) => s.rows.length > 0)) {
    problems.add({ sheet: null, row: null, key: null, code: "emptyWorkbook" });
    return parsed;
  }
  for (const sheet of raw) {
    if (!sheet.rows.length) continue;
    const keyRow = sheet.rows.find((r) => r.number === KEY_ROW);
    const keys = new Map<number, string>();
    keyRow?.cells.forEach((v, col) => {
      if (typeof v === "string" && v.trim()) keys.set(col, v.trim());
    });
    const def = defs.find((d) =>
      [...keys.values()].some((k) => d.columns.some((c) => c.key === k)),
    );
    if (!def) {
      problems.add({ sheet: sheet.name, row: KEY_ROW, key: null, code: "keysRowMissing" });
      continue;
    }
    if (parsed.has(def.id)) {
      problems.add({ sheet: sheet.name, row: null, key: null, code: "duplicateSheet" });
      continue;
    }
    for (const range of sheet.merges)
      problems.add({
        sheet: sheet.name,
        row: null,
        key: null,
        code: "mergedCells",
        params: { range },
      });

    const columnOf = new Map<string, number>();
    for (const [col, key] of keys) {
      if (!def.columns.some((c) => c.key === key)) {
        problems.add({
          sheet: sheet.name,
          row: KEY_ROW,
          key,
          column: col,
          code: "unknownKey",
          params: { key },
        });
      } else if (columnOf.has(key)) {
        problems.add({
          sheet: sheet.name,
          row: KEY_ROW,
          key,
          column: col,
          code: "duplicateKey",
          params: { key },
        });
      } else columnOf.set(key, col);
    }
    for (const c of def.columns) {
      if (c.required && !columnOf.has(c.key))
        problems.add({
          sheet: sheet.name,
          row: KEY_ROW,
          key: c.key,
          code: "missingColumn",
          params: { key: c.key },
        });
    }

    const columns = def.columns.filter((c) => !c.readOnly && columnOf.has(c.key));
    const rows: ParsedRow[] = [];
    const seen = new Map<string, number>();
    for (const r of sheet.rows) {
      if (r.number < FIRST_DATA_ROW) continue;
      const values: Record<string, CellValue> = {};
      let blank = true;
      const cellProblems: Parameters<Problems["add"]>[0][] = [];
      for (const c of columns) {
        const col = columnOf.get(c.key)!;
        const cell = classifyCell(r.cells[col]);
        if (cell.kind !== "empty") blank = false;
        const converted = convertCell(c, cell, optionsFor(c));
        if (!converted.ok) {
          cellProblems.push({
            sheet: sheet.name,
            row: r.number,
            key: c.key,
            column: col,
            code: converted.problem.code,
            params: converted.problem.params,
          });
          continue;
        }
        if (converted.value === null && c.required)
          cellProblems.push({
            sheet: sheet.name,
            row: r.number,
            key: c.key,
            column: col,
            code: "required",
          });
        values[c.key] = converted.value;
      }
      if (blank) continue;
      cellProblems.forEach((p) => problems.add(p));
      const identity = def.identity.map((k) => String(values[k] ?? "")).join("\u0000");
      if (def.identity.every((k) => values[k] !== null && values[k] !== undefined)) {
        const first = seen.get(identity);
        if (first !== undefined) {
          const key = def.identity[def.identity.length - 1]!;
          problems.add({
            sheet: sheet.name,
            row: r.number,
            key,
            column: columnOf.get(key),
            code: "duplicateInFile",
            params: { row: first },
          });
          continue;
        }
        seen.set(identity, r.number);
      }
      if (!cellProblems.length) rows.push({ row: r.number, values });
    }
    parsed.set(def.id, {
      def,
      name: sheet.name,
      present: new Set(columnOf.keys()),
      rows,
      columnOf,
    });
  }
  if (!parsed.size && !problems.any)
    problems.add({ sheet: null, row: null, key: null, code: "emptyWorkbook" });
  return parsed;
}

const lookups = new Map<string, ReadonlyMap<string, string>>();

/** Codes and labels in every language, lower-cased, to the code: "亿元", "100 million yuan", "yuan_100m". */
function optionsFor(column: ColumnDef): ReadonlyMap<string, string> | undefined {
  const { key, type } = column;
  if (type !== "enum" && type !== "bool") return undefined;
  const cached = lookups.get(key);
  if (cached) return cached;
  const map = new Map<string, string>();
  for (const locale of LOCALES) {
    const messages = messagesFor(locale) as unknown as Record<string, unknown>;
    if (type === "bool") {
      const common = messages.common as Record<string, string>;
      map.set(common.yes!.toLowerCase(), "true");
      map.set(common.no!.toLowerCase(), "false");
      continue;
    }
    const labels = ENUM_LABELS[key]!.split(".").reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    ) as Record<string, string> | undefined;
    for (const [code, label] of Object.entries(labels ?? {})) {
      if (!column.options?.includes(code)) continue;
      map.set(code.toLowerCase(), code);
      map.set(label.toLowerCase(), code);
    }
  }
  lookups.set(key, map);
  return map;
}
