/**
 * One cell of an uploaded workbook, turned into the value its column expects, or the reason it
 * cannot be (a message code under "imports.problems"). Pure and unit-tested
 * (tests/unit/excel-cells.test.ts).
 *
 * Formulas are refused, not read from their cached result: a cached result is whatever the last
 * program that saved the file computed (or nothing, for files written by scripts), and the
 * person who typed it cannot see which of the two they are importing. "Paste as values" is one
 * keystroke away and makes the file say exactly what will be stored.
 */
import type { ColumnDef } from "./columns";
import { isStorableText } from "@/lib/storable-text";

export type CellValue = string | number | boolean | null;

export type CellProblem = { code: string; params?: Record<string, string | number> };

export type Converted = { ok: true; value: CellValue } | { ok: false; problem: CellProblem };

/** What an exceljs cell holds, reduced to the few shapes the importer cares about. */
export type RawCell =
  | { kind: "empty" }
  | { kind: "formula" }
  | { kind: "error"; text: string }
  | { kind: "value"; value: string | number | boolean | Date };

export function classifyCell(raw: unknown): RawCell {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "string")
    return raw.trim() ? { kind: "value", value: raw } : { kind: "empty" };
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "value", value: raw } : { kind: "error", text: "NaN" };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime())
      ? { kind: "error", text: "date" }
      : { kind: "value", value: raw };
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return { kind: "formula" };
    if ("error" in o) return { kind: "error", text: String(o.error) };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("");
      return classifyCell(text);
    }
    if ("text" in o) return classifyCell(o.text);
  }
  return { kind: "error", text: typeof raw };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TRUE_WORDS = new Set(["true", "yes", "y", "1", "是", "√", "✓"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否", "×", "✗"]);

/**
 * Converts a classified cell for `column`. `options` maps the lower-cased codes and labels (in
 * both languages) of an enum column to its codes. Empty cells are null; whether a null is
 * allowed is the caller's rule (required columns, defaults for new rows).
 */
export function convertCell(
  column: ColumnDef,
  cell: RawCell,
  options?: ReadonlyMap<string, string>,
): Converted {
  if (cell.kind === "empty") return { ok: true, value: null };
  if (cell.kind === "formula") return fail("formula");
  if (cell.kind === "error") return fail("cellError", { value: cell.text });
  const v = cell.value;
  switch (column.type) {
    case "text": {
      const text = v instanceof Date ? dayOf(v) : String(v).trim();
      if (!isStorableText(text)) return fail("unstorableText");
      if (column.maxLength && text.length > column.maxLength)
        return fail("tooLong", { max: column.maxLength });
      return { ok: true, value: text };
    }
    case "int":
    case "decimal": {
      const n = toNumber(v);
      if (n === null) return fail("notANumber", { value: shown(v) });
      if (column.type === "int" && !Number.isInteger(n)) return fail("notAnInteger");
      const scale = column.type === "int" ? 0 : (column.scale ?? 4);
      const factor = 10 ** scale;
      if (Math.abs(Math.round(n * factor) - n * factor) > 1e-6)
        return fail("tooManyDecimals", { scale });
      if (column.min !== undefined && n < column.min) return fail("tooSmall", { min: column.min });
      if (column.max !== undefined && n > column.max) return fail("tooBig", { max: column.max });
      return { ok: true, value: Math.round(n * factor) / factor };
    }
    case "date": {
      if (v instanceof Date) return { ok: true, value: dayOf(v) };
      if (typeof v === "string") {
        const m = DAY.exec(v.trim()) ?? DAY_ZH.exec(v.trim());
        const day = m && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
        if (day) return { ok: true, value: day };
      }
      return fail("notADate", { value: shown(v) });
    }
    case "bool": {
      if (typeof v === "boolean") return { ok: true, value: v };
      const word = String(v).trim().toLowerCase();
      if (TRUE_WORDS.has(word) || options?.get(word) === "true") return { ok: true, value: true };
      if (FALSE_WORDS.has(word) || options?.get(word) === "false")
        return { ok: true, value: false };
      return fail("notABoolean", { value: shown(v) });
    }
    case "enum": {
      const code = options?.get(String(v).trim().toLowerCase());
      return code ? { ok: true, value: code } : fail("notAnOption", { value: shown(v) });
    }
  }
}

function fail(code: string, params?: Record<string, string | number>): Converted {
  return { ok: false, problem: { code, ...(params ? { params } : {}) } };
}

function toNumber(v: string | number | boolean | Date): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const text = v.trim().replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/, (s) => s.replaceAll(",", ""));
  return NUMBER.test(text) ? Number(text) : null;
}

/** The calendar day of a date cell: exceljs reads days as UTC midnights (times are dropped). */
function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return dayOf(date);
}

function shown(v: string | number | boolean | Date): string {
  const text = v instanceof Date ? dayOf(v) : String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
