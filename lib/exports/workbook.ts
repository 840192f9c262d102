import "server-only";
import ExcelJS from "exceljs";
import type { SheetDef } from "@/lib/excel/columns";
import { addKeyedSheet, watermarkSheets, type OutCell } from "@/lib/excel/write-sheet";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor, translator } from "@/lib/i18n/messages";
import { ENUM_LABELS } from "@/lib/imports/sheets";

export type ExportSheet = { def: SheetDef; rows: readonly Record<string, unknown>[] };

/**
 * A workbook of keyed sheets in the reader's language: labels from "imports.columns", enum codes
 * and yes/no as their labels (the importer reads the labels of either language, and the codes),
 * days as date cells, decimals as numbers; the watermark in every header and footer.
 */
export async function renderWorkbook(
  sheets: readonly ExportSheet[],
  options: { locale: Locale; watermark?: string | null; now: Date },
): Promise<Buffer> {
  const t = translator(options.locale);
  const messages = messagesFor(options.locale) as unknown as Record<string, unknown>;
  const labelsOf = (key: string): Record<string, string> =>
    (ENUM_LABELS[key]!.split(".").reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    ) ?? {}) as Record<string, string>;
  const yes = t("common.yes");
  const no = t("common.no");

  const book = new ExcelJS.Workbook();
  book.creator = "Reform Ledger";
  book.created = options.now;
  for (const sheet of sheets) {
    const columns = sheet.def.columns.map((def) => {
      const labels = def.type === "enum" ? labelsOf(def.key) : null;
      return {
        def,
        label: `${t(`imports.columns.${def.key}` as never)}${def.readOnly ? t("imports.readOnly") : ""}`,
        list:
          def.type === "bool"
            ? [yes, no]
            : labels
              ? (def.options ?? []).map((o) => labels[o] ?? o)
              : undefined,
        labels,
      };
    });
    const rows = sheet.rows.map((row) =>
      columns.map(({ def, labels }): OutCell => {
        const v = row[def.key];
        if (v === null || v === undefined) return null;
        if (def.type === "bool") return v ? yes : no;
        if (labels) return labels[String(v)] ?? String(v);
        if (def.type === "date") return v instanceof Date ? v : new Date(`${String(v)}T00:00:00Z`);
        if (def.type === "int" || def.type === "decimal") return Number(String(v));
        return String(v);
      }),
    );
    addKeyedSheet(book, t(`imports.sheets.${sheet.def.id}` as never), columns, rows);
  }
  watermarkSheets(book, options.watermark);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An .xlsx download; the real (Chinese) name through RFC 6266's filename*, ASCII beside it. */
export function xlsxResponse(bytes: Buffer, fileName: string): Response {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
