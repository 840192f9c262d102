import type ExcelJS from "exceljs";
import { FIRST_DATA_ROW, columnLetter, type ColumnDef } from "./columns";

export type OutCell = string | number | Date | null;

export type SheetColumn = {
  def: ColumnDef;
  /** Row 1's label in the reader's language (read-only columns say so). */
  label: string;
  /** A drop-down of allowed entries (enum labels, yes/no), where it helps. */
  list?: readonly string[];
};

/** Validation lists cover the data rows and this many blank rows below them. */
const SPARE_ROWS = 1_000;
const READ_ONLY_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE2E8F0" },
};

/**
 * One sheet in the product's Excel convention: labels (row 1, bold), stable keys (row 2, grey
 * italic), data from row 3, both header rows frozen, widths per column, dates as real date
 * cells, drop-down lists for enum and yes/no columns, read-only columns shaded.
 */
export function addKeyedSheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly OutCell[])[],
): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.def.key, width: c.def.width }));
  const labels = ws.addRow(columns.map((c) => c.label));
  labels.font = { bold: true };
  const keys = ws.addRow(columns.map((c) => c.def.key));
  keys.font = { italic: true, color: { argb: "FF64748B" } };
  for (const row of rows) ws.addRow([...row]);

  const last = FIRST_DATA_ROW + rows.length + SPARE_ROWS;
  const validations = (ws as unknown as { dataValidations: { add(a: string, v: object): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const column = ws.getColumn(i + 1);
    if (c.def.type === "date") column.numFmt = "yyyy-mm-dd";
    if (c.def.type === "text") column.numFmt = "@"; // phone numbers and codes stay text
    if (c.def.readOnly) {
      for (const r of [1, 2]) ws.getCell(`${letter}${r}`).fill = READ_ONLY_FILL;
    }
    // A list formula is at most 255 characters between its quotes; longer lists go without.
    const list = c.list?.join(",");
    if (list && !c.def.readOnly && list.length <= 250) {
      validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, {
        type: "list",
        allowBlank: true,
        formulae: [`"${list.replaceAll('"', "")}"`],
        showErrorMessage: true,
      });
    }
  });
  return ws;
}

/**
 * Excel has no watermark: the viewer's name and the time go in every sheet's printed header and
 * footer, as in the bulletins ("&" starts a code there, so it is doubled; &8 is the font size).
 */
export function watermarkSheets(book: ExcelJS.Workbook, watermark: string | null | undefined) {
  if (!watermark) return;
  const text = `&8${watermark.replaceAll("&", "&&")}`;
  book.eachSheet((ws) => {
    ws.headerFooter = { oddHeader: `&C${text}`, oddFooter: `&C${text}` };
  });
}
