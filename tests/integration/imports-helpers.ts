/**
 * Helpers of the Excel round-trip tests: calling the export and import endpoints with an API
 * token, reading and editing real .xlsx files with exceljs, and a fingerprint of what an import
 * could change (so "nothing changed" is one comparison).
 */
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { createApiToken } from "@/lib/auth/tokens";
import {
  exportCatalogueEndpoint,
  exportLedgerEndpoint,
  exportRegistryEndpoint,
} from "@/lib/exports/api";
import { importWorkbookEndpoint } from "@/lib/imports/api";
import type { ImportReport } from "@/lib/imports/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Locale = "zh-CN" | "en";

export async function tokensFor(prisma: PrismaClient, usernames: string[]) {
  const tokens: Record<string, string> = {};
  for (const username of usernames) {
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
  return tokens;
}

const EXPORTS = {
  catalogue: exportCatalogueEndpoint,
  registry: exportRegistryEndpoint,
  ledger: exportLedgerEndpoint,
};

export async function exportFile(
  token: string,
  kind: keyof typeof EXPORTS,
  query: string,
  locale: Locale = "zh-CN",
): Promise<Response> {
  const request = new NextRequest(`http://localhost/api/v1/exports/${kind}?${query}`, {
    headers: { authorization: `Bearer ${token}`, "accept-language": locale },
  });
  return EXPORTS[kind].handler(request, { params: Promise.resolve({}) });
}

export async function bookOf(response: Response | Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const bytes = response instanceof Response ? await response.arrayBuffer() : response;
  await book.xlsx.load(bytes as ArrayBuffer);
  return book;
}

export async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function postImport(
  token: string,
  file: Uint8Array | Blob,
  fields: { kind: string; programmeId?: string; dryRun: boolean },
  options: { locale?: Locale; fileName?: string } = {},
): Promise<Response> {
  const form = new FormData();
  const blob = file instanceof Blob ? file : new Blob([file as BlobPart]);
  form.append("file", blob, options.fileName ?? "import.xlsx");
  form.append("kind", fields.kind);
  if (fields.programmeId) form.append("programmeId", fields.programmeId);
  form.append("dryRun", String(fields.dryRun));
  const request = new NextRequest("http://localhost/api/v1/imports", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "accept-language": options.locale ?? "zh-CN" },
    body: form,
  });
  return importWorkbookEndpoint.handler(request, { params: Promise.resolve({}) });
}

export async function reportOf(response: Response): Promise<ImportReport> {
  if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as ImportReport;
}

/** Sum of created/updated over the sheets: zero means the import changes nothing. */
export const changes = (report: ImportReport) =>
  report.sheets.reduce((n, s) => n + s.created + s.updated, 0);

/** A column's number in a sheet, by its key in row 2. */
export function col(ws: ExcelJS.Worksheet, key: string): number {
  const values = ws.getRow(2).values as unknown[];
  const index = values.findIndex((v) => v === key);
  if (index < 0) throw new Error(`No column ${key} in ${ws.name}`);
  return index;
}

/** The row number of the data row whose `key` cell is `value`. */
export function rowWhere(ws: ExcelJS.Worksheet, key: string, value: string): number {
  const c = col(ws, key);
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(c).value === value) return r;
  throw new Error(`No row with ${key} = ${value} in ${ws.name}`);
}

/** Every audit row and the newest update stamps: any write by an import moves one of them. */
export async function fingerprint(prisma: PrismaClient) {
  const [audit, enterprises, tasks, items, categories, indicators] = await Promise.all([
    prisma.auditLog.count(),
    prisma.enterprise.count(),
    prisma.task.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.ledgerItem.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.category.count(),
    prisma.indicatorDefinition.count(),
  ]);
  return JSON.stringify({ audit, enterprises, tasks, items, categories, indicators });
}
