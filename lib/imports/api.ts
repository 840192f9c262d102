import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { fieldErrors } from "@/lib/i18n/zod";
import { IMPORT_INLINE_MAX_BYTES, getImportJob, startImportJob } from "./jobs";
import { readUpload } from "./read-upload";
import { assertWorkbook, importTarget, runImport } from "./run-import";
import { IMPORT_KINDS, ImportFields, ImportJob, ImportJobParams, ImportReport } from "./schemas";

const TAG = "Excel import and export";

export const importWorkbookEndpoint = endpoint(
  {
    method: "post",
    path: "/imports",
    tag: TAG,
    summary:
      "Import a catalogue, registry or ledger workbook (.xlsx, at most 20 MB). dryRun=true (the " +
      "default) checks every row and reports problems by sheet, row and column with the counts " +
      "it would create, update and leave unchanged; dryRun=false applies all of it in one " +
      "transaction, or nothing when there is any problem (`applied` says which). Files over " +
      "256 KB answer 202 with a job to poll (GET /imports/jobs/{id}). The fields may also be " +
      "given in the query string",
    permission: "catalogue.manage",
    multipart: z.object({
      file: z.string().meta({ format: "binary" }),
      kind: z.enum(IMPORT_KINDS),
      programmeId: z.uuid().optional().meta({ description: "For catalogue and ledger workbooks" }),
      dryRun: z.enum(["true", "false"]).optional(),
    }),
    response: ImportReport,
    otherResponses: { 202: { description: "Checking in the background", schema: ImportJob } },
  },
  async ({ actor, request, locale, requestId }) => {
    const form = await readUpload(request, locale);
    const given: Record<string, unknown> = Object.fromEntries(request.nextUrl.searchParams);
    for (const name of ["kind", "programmeId", "dryRun"]) {
      const value = form.get(name);
      if (typeof value === "string" && value) given[name] = value;
    }
    const parsed = ImportFields.safeParse(given);
    if (!parsed.success)
      throw new AppError("validation_failed", undefined, fieldErrors(parsed.error, locale));
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("validation_failed", undefined, {
        file: translator(locale)(
          file instanceof File ? "imports.fileErrors.empty" : "imports.fileErrors.missing",
        ),
      });
    const fields = parsed.data;
    await importTarget(actor, fields);
    const bytes = new Uint8Array(await file.arrayBuffer());
    await assertWorkbook(bytes, locale);
    const input = { ...fields, fileName: file.name || "import.xlsx", bytes };
    if (bytes.byteLength > IMPORT_INLINE_MAX_BYTES) {
      const job = await startImportJob(actor, input, locale);
      return NextResponse.json(ImportJob.parse(job), {
        status: 202,
        headers: { location: `/api/v1/imports/jobs/${job.id}`, "cache-control": "no-store" },
      });
    }
    return runImport(actor, input, { locale, now: new Date(), requestId });
  },
);

export const getImportJobEndpoint = endpoint(
  {
    method: "get",
    path: "/imports/jobs/{id}",
    tag: TAG,
    summary: "An import job of the caller: state, phase, rows checked and applied, and its report",
    permission: "catalogue.manage",
    params: ImportJobParams,
    response: ImportJob,
  },
  ({ actor, params }) => getImportJob(actor, params.id),
);
