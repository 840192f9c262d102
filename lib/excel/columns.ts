/**
 * The product's Excel convention, shared by every export and import: row 1 holds the column
 * labels in the reader's language, row 2 the stable column keys (`task.code`), data from row 3.
 * A sheet is recognised by the keys of its row 2, never by its (translated) name or labels, so a
 * zh-CN and an en workbook import the same. Pure and client-safe.
 */

export type CellType = "text" | "int" | "decimal" | "date" | "bool" | "enum";

export type ColumnDef = {
  /** Stable key written in row 2, e.g. "task.code". */
  key: string;
  type: CellType;
  /** Column width in characters. */
  width: number;
  /** The row cannot be imported without a value (identity columns, names). */
  required?: boolean;
  /** Exported for reading; ignored by the importer (status, percent done, ...). */
  readOnly?: boolean;
  /** Longest text accepted. */
  maxLength?: number;
  /** Decimal places kept by the column (numbers with more are refused). */
  scale?: number;
  min?: number;
  max?: number;
  /** Codes of an enum column; the cells hold the code or its label in either language. */
  options?: readonly string[];
};

export type SheetDef = {
  /** Stable id of the sheet: "tasks"; its keys share the prefix `${prefix}.`. */
  id: string;
  prefix: string;
  columns: readonly ColumnDef[];
  /** Keys that identify a row; duplicates within the file are refused. */
  identity: readonly string[];
};

/** "A", "B", ..., "Z", "AA": the letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const HEADER_ROW = 1;
export const KEY_ROW = 2;
export const FIRST_DATA_ROW = 3;
