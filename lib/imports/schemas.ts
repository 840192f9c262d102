/**
 * The Excel round-trip's API contract: the import's fields, its report (problems by sheet, row
 * and column; counts per sheet), the background job, and the export queries. Client-safe.
 */
import { z } from "zod";
import { IMPORT_KINDS } from "./sheets";

export { IMPORT_KINDS, NEEDS_PROGRAMME, type ImportKind } from "./sheets";

/** Largest workbook accepted (enforced while the upload streams in). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most data rows in one workbook. */
export const IMPORT_MAX_ROWS = 100_000;

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The import's fields besides the file (multipart fields, or the query string). */
export const ImportFields = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    programmeId: z.uuid().optional(),
    dryRun: bool.default(true),
  })
  .refine((v) => v.kind === "registry" || v.programmeId, {
    path: ["programmeId"],
    message: "required",
  });
export type ImportFields = z.output<typeof ImportFields>;

export const ImportProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  /** The column's label in the caller's language. */
  column: z.string().nullable(),
  /** The column's stable key (row 2 of the sheet). */
  key: z.string().nullable(),
  /** The cell, e.g. "D7". */
  cell: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportSheetCount = z.object({
  id: z.string(),
  name: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportReport = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  /** True only when the changes were written (no problems, not a dry run). */
  applied: z.boolean(),
  rows: z.number().int(),
  problems: z.array(ImportProblem),
  /** All problems found; `problems` lists the first thousand. */
  problemCount: z.number().int(),
  sheets: z.array(ImportSheetCount),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportJob = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  fileName: z.string(),
  state: z.enum(["queued", "running", "done", "failed"]),
  phase: z.enum(["checking", "applying"]).nullable(),
  rowsTotal: z.number().int(),
  rowsChecked: z.number().int(),
  rowsApplied: z.number().int(),
  report: ImportReport.nullable(),
  /** Why a failed job failed, in the caller's language. */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobParams = z.object({ id: z.uuid() });

const template = z.enum(["1"]).optional().meta({ description: "A blank template (headers only)" });

export const CatalogueExportQuery = z.object({ programmeId: z.uuid(), template });
export const RegistryExportQuery = z.object({ template });
export const LedgerExportQuery = z.object({
  programmeId: z.uuid(),
  enterpriseId: z.uuid().optional().meta({ description: "Only this enterprise and its subtree" }),
  template,
});

/** Download addresses of the exports and templates (the page links to them). */
export function exportHref(
  kind: z.infer<typeof ImportFields>["kind"],
  options: { programmeId?: string; template?: boolean } = {},
): string {
  const query = new URLSearchParams();
  if (kind !== "registry" && options.programmeId) query.set("programmeId", options.programmeId);
  if (options.template) query.set("template", "1");
  const qs = query.toString();
  return `/api/v1/exports/${kind}${qs ? `?${qs}` : ""}`;
}
