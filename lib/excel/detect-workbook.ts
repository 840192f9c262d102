import "server-only";
import { fileTypeFromBuffer } from "file-type";

export type WorkbookKind = "xlsx" | "encrypted" | "notXlsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * What the bytes are, whatever the file is called: an Office Open XML workbook (a zip; some
 * programs order its parts so that only "a zip" can be told, the reader then decides), an OLE
 * compound file (a password-protected .xlsx is stored encrypted inside one, as is a legacy .xls:
 * neither can be read), or anything else (a renamed .txt or .exe).
 */
export async function detectWorkbook(bytes: Uint8Array): Promise<WorkbookKind> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type) return "notXlsx";
  if (type.mime === XLSX || type.mime === "application/zip") return "xlsx";
  if (type.mime === "application/x-cfb") return "encrypted";
  return "notXlsx";
}
