import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import type { BulletinFormat, BulletinQuery } from "./schemas";

/**
 * Job-rendered bulletins on disk: `<id>.json` (who asked, for what, how far along) beside the
 * file `<id>.pdf|xlsx`, in BULLETIN_DIR (default .data/bulletins, never under public/). Files
 * are only served through the job routes, which check the owner and the scope again.
 */
export type BulletinJobRecord = {
  id: string;
  userId: string;
  query: BulletinQuery;
  locale: Locale;
  state: "queued" | "running" | "done" | "failed";
  progress: number;
  fileName: string | null;
  createdAt: string;
  error?: string;
};

export function bulletinDir(): string {
  return (
    serverEnv().BULLETIN_DIR ??
    path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "bulletins")
  );
}

export function bulletinFilePath(id: string, format: BulletinFormat): string {
  return path.join(/* turbopackIgnore: true */ bulletinDir(), `${id}.${format}`);
}

const recordPath = (id: string) =>
  path.join(/* turbopackIgnore: true */ bulletinDir(), `${id}.json`);

/** Written to a temporary name and renamed, so a reader never sees half a record. */
export async function writeJobRecord(record: BulletinJobRecord): Promise<void> {
  await fs.mkdir(bulletinDir(), { recursive: true });
  const tmp = `${recordPath(record.id)}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(record));
  await fs.rename(tmp, recordPath(record.id));
}

export async function readJobRecord(id: string): Promise<BulletinJobRecord | null> {
  try {
    return JSON.parse(await fs.readFile(recordPath(id), "utf8")) as BulletinJobRecord;
  } catch {
    return null;
  }
}

export async function updateJobRecord(
  id: string,
  change: Partial<Pick<BulletinJobRecord, "state" | "progress" | "fileName" | "error">>,
): Promise<BulletinJobRecord> {
  const record = await readJobRecord(id);
  if (!record) throw new Error(`No bulletin job ${id}`);
  const next = { ...record, ...change };
  await writeJobRecord(next);
  return next;
}
