import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { can, managesSupervisor, type Actor } from "@/lib/auth/policy";
import { allowLongStatements, getDb } from "@/lib/db/client";
import { detectWorkbook } from "@/lib/excel/detect-workbook";
import { readWorkbook, WorkbookUnreadable } from "@/lib/excel/read-workbook";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { AuditBatch } from "./audit-batch";
import { checkCatalogue } from "./check-catalogue";
import { checkLedger } from "./check-ledger";
import { checkRegistry } from "./check-registry";
import { parseSheets } from "./parse-sheets";
import type { CheckContext, Plan } from "./plan";
import { Problems } from "./problems";
import { translateReport } from "./report";
import { IMPORT_MAX_ROWS, NEEDS_PROGRAMME, type ImportKind, type ImportReport } from "./schemas";
import { SHEETS } from "./sheets";

export type ImportInput = {
  kind: ImportKind;
  programmeId?: string | null;
  dryRun: boolean;
  fileName: string;
  bytes: Uint8Array;
};

export type ImportProgress = {
  phase: "checking" | "applying";
  rowsTotal: number;
  rowsChecked: number;
  rowsApplied: number;
};

export type ImportOptions = {
  locale: Locale;
  now: Date;
  requestId?: string;
  /** The audit record's entity id (the job's id for background imports). */
  importId?: string;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
};

const CHECKERS: Record<ImportKind, (ctx: CheckContext) => Promise<Plan>> = {
  catalogue: checkCatalogue,
  registry: checkRegistry,
  ledger: checkLedger,
};

/**
 * The programme a workbook belongs to, and whether the actor may import into it: a catalogue
 * belongs to the programme's supervisor (its owner alone may change it); a ledger's rows are
 * checked one by one against their enterprise's supervisor.
 */
export async function importTarget(actor: Actor, input: Pick<ImportInput, "kind" | "programmeId">) {
  if (!can(actor, "catalogue.manage")) throw new AppError("forbidden");
  if (!NEEDS_PROGRAMME[input.kind]) return null;
  if (!input.programmeId)
    throw new AppError("validation_failed", undefined, { programmeId: "required" });
  const programme = await getDb().programme.findUnique({
    where: { id: input.programmeId },
    select: { id: true, supervisorId: true },
  });
  if (!programme) throw new AppError("not_found");
  if (
    input.kind === "catalogue" &&
    !managesSupervisor(actor, "catalogue.manage", programme.supervisorId)
  )
    throw new AppError("forbidden");
  return programme;
}

/** Refuses what is not an .xlsx by its bytes, before anything is parsed or queued. */
export async function assertWorkbook(bytes: Uint8Array, locale: Locale): Promise<void> {
  const t = translator(locale);
  if (!bytes.byteLength)
    throw new AppError("validation_failed", undefined, { file: t("imports.fileErrors.empty") });
  const kind = await detectWorkbook(bytes);
  if (kind === "encrypted")
    throw new AppError("validation_failed", undefined, { file: t("imports.fileErrors.encrypted") });
  if (kind === "notXlsx")
    throw new AppError("validation_failed", undefined, { file: t("imports.fileErrors.notXlsx") });
}

/**
 * One import, start to finish: read the workbook, recognise its sheets, check every row against
 * the database and the actor's rights, and, unless it is a dry run or anything is wrong, apply
 * all of it in one transaction with its audit records. Returns the report either way.
 */
export async function runImport(
  actor: Actor,
  input: ImportInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const programme = await importTarget(actor, input);
  await assertWorkbook(input.bytes, options.locale);
  const progress: ImportProgress = {
    phase: "checking",
    rowsTotal: 0,
    rowsChecked: 0,
    rowsApplied: 0,
  };
  const report = async (change: Partial<ImportProgress>) => {
    Object.assign(progress, change);
    await options.onProgress?.({ ...progress });
  };
  const t = translator(options.locale);
  let raw;
  try {
    raw = await readWorkbook(input.bytes, {
      maxRows: IMPORT_MAX_ROWS,
      onRows: (rows) => report({ rowsChecked: rows }),
    });
  } catch (error) {
    if (!(error instanceof WorkbookUnreadable)) throw error;
    // A file the reader gave up on: why, for whoever looks into a file that should have read.
    if (error.cause) console.warn("[imports] unreadable workbook:", error.cause);
    const message =
      error.reason === "tooManyRows"
        ? t("imports.fileErrors.tooManyRows", { max: error.limit ?? IMPORT_MAX_ROWS })
        : t("imports.fileErrors.unreadable");
    throw new AppError("validation_failed", undefined, { file: message });
  }
  const problems = new Problems();
  const sheets = parseSheets(raw, SHEETS[input.kind], problems);
  const rows = [...sheets.values()].reduce((n, s) => n + s.rows.length, 0);
  await report({ rowsTotal: rows, rowsChecked: 0 });
  const db = getDb();
  const plan = await CHECKERS[input.kind]({ db, actor, programme, sheets, problems });
  await report({ rowsChecked: rows });
  const result = (applied: boolean) =>
    translateReport(options.locale, {
      kind: input.kind,
      dryRun: input.dryRun,
      applied,
      rows,
      problems,
      counts: plan.counts,
      sheets,
    });
  if (input.dryRun || problems.any) return result(false);

  await report({ phase: "applying" });
  const importId = options.importId ?? randomUUID();
  await db.$transaction(
    async (tx) => {
      // Applying a large file is waited for on purpose: the request's statement timeout must not
      // cut it half way (the transaction's own 10 minutes still bound it).
      await allowLongStatements(tx);
      const audit = new AuditBatch(actor, options.requestId);
      await plan.apply(tx, {
        actor,
        at: options.now,
        requestId: options.requestId,
        audit,
        progress: (applied) => report({ rowsApplied: Math.min(rows, applied) }),
      });
      await audit.flush(tx);
      await recordAudit(tx, {
        actor,
        action: "import.apply",
        entityType: "ImportJob",
        entityId: importId,
        after: {
          kind: input.kind,
          programmeId: programme?.id ?? null,
          fileName: input.fileName,
          rows,
          sheets: plan.counts,
        },
        requestId: options.requestId,
      });
    },
    { maxWait: 10_000, timeout: 600_000 },
  );
  await report({ rowsApplied: rows });
  return result(true);
}
