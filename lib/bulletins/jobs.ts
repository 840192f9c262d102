import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import { watermarkFor } from "@/lib/watermark/for-actor";
import { buildBulletin } from "./build-bulletin";
import { bulletinFileName } from "./format";
import { renderBulletinFile } from "./render-file";
import type { BulletinJob, BulletinQuery } from "./schemas";
import {
  bulletinFilePath,
  readJobRecord,
  updateJobRecord,
  writeJobRecord,
  type BulletinJobRecord,
} from "./storage";

export const BULLETIN_QUEUE = "bulletins.render";

/** Queues a bulletin to render in the worker; the caller polls its status. */
export async function startBulletinJob(
  actor: Actor,
  query: BulletinQuery,
  locale: Locale,
): Promise<BulletinJob> {
  await assertNodeInScope(actor, query);
  const record: BulletinJobRecord = {
    id: randomUUID(),
    userId: actor.id,
    query,
    locale,
    state: "queued",
    progress: 0,
    fileName: null,
    createdAt: new Date().toISOString(),
  };
  await writeJobRecord(record);
  await sendJob(BULLETIN_QUEUE, { id: record.id });
  return toJobDto(record);
}

/**
 * The job itself (run by the worker): rebuilds the actor from the database, so the scope is the
 * one the user has now, builds the bulletin, renders it and records progress on the way.
 */
export async function runBulletinJob({ id }: { id: string }, now = new Date()) {
  const record = await readJobRecord(id);
  if (!record) return { rendered: 0 };
  try {
    await updateJobRecord(id, { state: "running", progress: 10 });
    const actor = await loadActor(record.userId, "session");
    if (!actor) throw new AppError("unauthenticated");
    const bulletin = await buildBulletin(actor, record.query, { locale: record.locale, now });
    if (!bulletin) throw new AppError("not_found");
    await updateJobRecord(id, { progress: 40 });
    const watermark = watermarkFor(actor, now) ?? undefined;
    const bytes = await renderBulletinFile(bulletin, record.query.format, { watermark });
    await updateJobRecord(id, { progress: 90 });
    await fs.writeFile(bulletinFilePath(id, record.query.format), bytes);
    await updateJobRecord(id, {
      state: "done",
      progress: 100,
      fileName: bulletinFileName(bulletin, record.query.format),
    });
    return { rendered: 1 };
  } catch (error) {
    await updateJobRecord(id, {
      state: "failed",
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

/** A job of the caller's (anyone else's, or an unknown id, is a 404). */
export async function getBulletinJob(actor: Actor, id: string): Promise<BulletinJob> {
  return toJobDto(await ownJob(actor, id));
}

/** The finished file, after checking again that its node is still in the caller's scope. */
export async function openBulletinJobFile(actor: Actor, id: string) {
  const record = await ownJob(actor, id);
  if (record.state !== "done" || !record.fileName) throw new AppError("not_found");
  await assertNodeInScope(actor, record.query);
  const bytes = await fs.readFile(bulletinFilePath(id, record.query.format));
  return { bytes, fileName: record.fileName, format: record.query.format };
}

async function ownJob(actor: Actor, id: string): Promise<BulletinJobRecord> {
  const record = await readJobRecord(id);
  if (!record || record.userId !== actor.id) throw new AppError("not_found");
  return record;
}

/** A node named by id must be one the actor may see (the same 404 as for an unknown id). */
export async function assertNodeInScope(actor: Actor, query: BulletinQuery): Promise<void> {
  const db = getDb();
  // Checked before queueing: a job for a programme that does not exist could only fail later.
  if (query.programmeId && !(await db.programme.count({ where: { id: query.programmeId } })))
    throw new AppError("not_found");
  if (query.enterpriseId) {
    const found = await db.enterprise.count({
      where: { id: query.enterpriseId, ...enterpriseScopeWhere(actor) },
    });
    if (!found) throw new AppError("not_found");
  }
  if (query.supervisorId) {
    const found =
      actor.scopeAll ||
      actor.supervisorIds.includes(query.supervisorId) ||
      (await db.enterprise.count({
        where: { supervisorId: query.supervisorId, ...enterpriseScopeWhere(actor) },
      })) > 0;
    if (!found) throw new AppError("not_found");
  }
}

function toJobDto(record: BulletinJobRecord): BulletinJob {
  return {
    id: record.id,
    state: record.state,
    progress: record.progress,
    format: record.query.format,
    fileName: record.fileName,
    downloadUrl: record.state === "done" ? `/api/v1/bulletins/jobs/${record.id}/file` : null,
    createdAt: record.createdAt,
  };
}
