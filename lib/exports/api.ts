import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import {
  CatalogueExportQuery,
  LedgerExportQuery,
  RegistryExportQuery,
} from "@/lib/imports/schemas";
import { exportCatalogue } from "./export-catalogue";
import { exportLedger } from "./export-ledger";
import { exportRegistry } from "./export-registry";
import { XLSX_TYPE, xlsxResponse } from "./workbook";

const TAG = "Excel import and export";

export const exportCatalogueEndpoint = endpoint(
  {
    method: "get",
    path: "/exports/catalogue",
    tag: TAG,
    summary:
      "A programme's catalogue as .xlsx in the caller's language (sheets categories, tasks, " +
      "indicators; row 1 labels, row 2 stable column keys, data from row 3); template=1 for a blank one",
    permission: "ledger.read",
    query: CatalogueExportQuery,
    response: z.unknown(),
    fileResponse: XLSX_TYPE,
  },
  async ({ actor, query, locale }) => {
    const file = await exportCatalogue(actor, query, { locale, now: new Date() });
    return xlsxResponse(file.bytes, file.fileName);
  },
);

export const exportRegistryEndpoint = endpoint(
  {
    method: "get",
    path: "/exports/registry",
    tag: TAG,
    summary:
      "The enterprises in the caller's scope as .xlsx, with parent and supervisor codes so the " +
      "tree survives the round trip; template=1 for a blank one",
    permission: "enterprise.read",
    query: RegistryExportQuery,
    response: z.unknown(),
    fileResponse: XLSX_TYPE,
  },
  async ({ actor, query, locale }) => {
    const file = await exportRegistry(actor, query, { locale, now: new Date() });
    return xlsxResponse(file.bytes, file.fileName);
  },
);

export const exportLedgerEndpoint = endpoint(
  {
    method: "get",
    path: "/exports/ledger",
    tag: TAG,
    summary:
      "A programme's ledger items in the caller's scope (optionally one subtree) as .xlsx: " +
      "enterprise x task codes, responsibilities, due date, not-applicable mark, and read-only " +
      "status, percent done and last update; template=1 for a blank one",
    permission: "ledger.read",
    query: LedgerExportQuery,
    invalidQuery: "validation_failed",
    response: z.unknown(),
    fileResponse: XLSX_TYPE,
  },
  async ({ actor, query, locale }) => {
    const file = await exportLedger(actor, query, { locale, now: new Date() });
    return xlsxResponse(file.bytes, file.fileName);
  },
);
