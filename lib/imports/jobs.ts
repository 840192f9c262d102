import "server-only";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { sendJob } from "@/lib/jobs/queue";
import { runImport, type ImportInput, type ImportProgress } from "./run-import";
import { ImportReport, type ImportJob } from "./schemas";

export const IMPORT_QUEUE = "imports.run";
/** Workbooks larger than this are checked and applied by the worker, with progress to poll. */
export const IMPORT_INLINE_MAX_BYTES = 256 * 1024;
/** At most one progress write this often: the bar moves, the database is not flooded. */
const PROGRESS_EVERY_MS = 500;

/** Queues an import; the uploaded bytes wait in the job's row until the worker has run it. */
export async function startImportJob(
  actor: Actor,
  input: ImportInput,
  locale: Locale,
): Promise<ImportJob> {
  const job = await getDb().importJob.create({
    data: {
      userId: actor.id,
      kind: input.kind,
      programmeId: input.programmeId ?? null,
      dryRun: input.dryRun,
      fileName: input.fileName.slice(0, 200),
      locale,
      file: Buffer.from(input.bytes),
    },
  });
  await sendJob(IMPORT_QUEUE, { id: job.id });
  return toDto(job);
}

/**
 * The job itself (run by the worker): claims the queued job once (a redelivered message finds
 * it running or done and does nothing), rebuilds the actor from the database, runs the same
 * import as the inline path and records progress on the way; the file is dropped afterwards.
 */
export async function runImportJob({ id }: { id: string }, now = new Date()) {
  const db = getDb();
  const claimed = await db.importJob.updateMany({
    where: { id, state: "queued" },
    data: { state: "running", phase: "checking" },
  });
  if (!claimed.count) return { imported: 0 };
  const job = await db.importJob.findUniqueOrThrow({ where: { id } });
  const locale: Locale = isLocale(job.locale) ? job.locale : "zh-CN";
  let last = 0;
  const onProgress = async (p: ImportProgress) => {
    const at = Date.now();
    if (at - last < PROGRESS_EVERY_MS) return;
    last = at;
    await db.importJob.update({ where: { id }, data: p });
  };
  try {
    const actor = await loadActor(job.userId, "session");
    if (!actor) throw new AppError("unauthenticated");
    const report = await runImport(
      actor,
      {
        kind: job.kind as ImportInput["kind"],
        programmeId: job.programmeId,
        dryRun: job.dryRun,
        fileName: job.fileName,
        bytes: job.file ?? new Uint8Array(),
      },
      { locale, now, importId: id, onProgress },
    );
    await db.importJob.update({
      where: { id },
      data: {
        state: "done",
        report,
        file: null,
        finishedAt: new Date(),
        rowsTotal: report.rows,
        rowsChecked: report.rows,
        rowsApplied: report.applied ? report.rows : 0,
      },
    });
    return { imported: report.applied ? report.rows : 0 };
  } catch (error) {
    await db.importJob.update({
      where: { id },
      data: {
        state: "failed",
        error: failureMessage(error, locale),
        file: null,
        finishedAt: new Date(),
      },
    });
    return { imported: 0 };
  }
}

/** A job of the caller's (anyone else's, or an unknown id, is a 404). */
export async function getImportJob(actor: Actor, id: string): Promise<ImportJob> {
  const job = await getDb().importJob.findFirst({ where: { id, userId: actor.id } });
  if (!job) throw new AppError("not_found");
  return toDto(job);
}

function failureMessage(error: unknown, locale: Locale): string {
  const t = translator(locale);
  if (error instanceof AppError) {
    const field = error.fields && Object.values(error.fields)[0];
    return field ?? t(`errors.${error.code}`, { requestId: "-" });
  }
  console.error("[imports] job failed", error);
  return t("errors.internal", { requestId: "-" });
}

type JobRow = Awaited<ReturnType<ReturnType<typeof getDb>["importJob"]["create"]>>;

function toDto(job: JobRow): ImportJob {
  const report = job.report ? ImportReport.safeParse(job.report) : null;
  return {
    id: job.id,
    kind: job.kind as ImportJob["kind"],
    dryRun: job.dryRun,
    fileName: job.fileName,
    state: job.state as ImportJob["state"],
    phase: (job.phase as ImportJob["phase"]) ?? null,
    rowsTotal: job.rowsTotal,
    rowsChecked: job.rowsChecked,
    rowsApplied: job.rowsApplied,
    report: report?.success ? report.data : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
  };
}
