import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { recordAudit } from "@/lib/audit/record";
import { can, type Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enterpriseRef, findItemForActor, toEvidence } from "./queries";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type EvidenceDto } from "./schemas";

/** Evidence files live outside public/, by storage key; only the scoped download route serves them. */
export function evidenceDir(): string {
  // turbopackIgnore: a runtime data folder, not a source path for the build to trace.
  return path.resolve(
    serverEnv().EVIDENCE_DIR ??
      path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "evidence"),
  );
}

export function storagePath(key: string) {
  // Keys are UUIDs we generate; two-character fan-out keeps directories small.
  return path.join(/* turbopackIgnore: true */ evidenceDir(), key.slice(0, 2), key);
}

/**
 * Detects the real type from the bytes (a renamed .exe is not a PDF). Office documents that
 * file-type reports as a zip or CFB container are accepted when the extension agrees.
 */
async function detectType(bytes: Uint8Array, fileName: string): Promise<string | null> {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  const mime = detected.mime === "application/zip" ? officeMimeFor(ext) : detected.mime;
  if (!mime) return null;
  const allowedExts = EVIDENCE_TYPES[mime];
  if (!allowedExts || !allowedExts.includes(ext)) return null;
  return mime === "application/x-cfb"
    ? ({
        doc: "application/msword",
        xls: "application/vnd.ms-excel",
        ppt: "application/vnd.ms-powerpoint",
      }[ext] ?? null)
    : mime;
}

function officeMimeFor(ext: string): string | null {
  return (
    {
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      odt: "application/vnd.oasis.opendocument.text",
      ods: "application/vnd.oasis.opendocument.spreadsheet",
    }[ext] ?? null
  );
}

/**
 * The item an upload goes to, if the caller may add evidence to it (outside scope = 404, in scope
 * but read-only = 403). The endpoint calls this before reading a single byte of the body.
 */
export async function findEvidenceTarget(actor: Actor, itemId: string) {
  const item = await findItemForActor(getDb(), actor, itemId);
  if (!item) throw new AppError("not_found");
  if (!can(actor, "ledger.write", { enterprise: enterpriseRef(item) }))
    throw new AppError("forbidden");
  return item;
}

/** Uploads one evidence file to an item; it is attached to an entry when that entry is saved. */
export async function uploadEvidence(
  actor: Actor,
  options: {
    itemId: string;
    file: File | null;
    requestId?: string;
    /** Already checked by findEvidenceTarget. */
    item?: Awaited<ReturnType<typeof findEvidenceTarget>>;
  },
): Promise<EvidenceDto> {
  const db = getDb();
  const item = options.item ?? (await findEvidenceTarget(actor, options.itemId));

  const file = options.file;
  if (!file || typeof file === "string")
    throw new AppError("validation_failed", undefined, { file: "fileMissing" });
  if (file.size === 0) throw new AppError("validation_failed", undefined, { file: "fileEmpty" });
  if (file.size > EVIDENCE_MAX_BYTES)
    throw new AppError("validation_failed", undefined, { file: "fileTooLarge" });
  const fileName = path.basename(file.name || "file").slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = await detectType(bytes, fileName);
  if (!mimeType) throw new AppError("validation_failed", undefined, { file: "fileTypeNotAllowed" });

  const storageKey = randomUUID();
  const target = storagePath(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, bytes, { flag: "wx" });
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.evidence.create({
        data: {
          ledgerItemId: item.id,
          kind: "FILE",
          fileName,
          mimeType,
          sizeBytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById: actor.id,
        },
        select: {
          id: true,
          kind: true,
          fileName: true,
          mimeType: true,
          sizeBytes: true,
          url: true,
          title: true,
          entryId: true,
          createdAt: true,
          sha256: true,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "evidence.upload",
        entityType: "Evidence",
        entityId: row.id,
        after: {
          ledgerItemId: item.id,
          fileName,
          mimeType,
          sizeBytes: bytes.byteLength,
          sha256: row.sha256,
        },
        requestId: options.requestId,
      });
      const { sha256: _sha, ...dto } = row;
      return toEvidence(dto);
    });
  } catch (error) {
    await fs.rm(target, { force: true });
    throw error;
  }
}

/**
 * The file behind an evidence record, for a user whose scope covers its item, as a stream: a
 * download never holds the whole file in memory (files are up to EVIDENCE_MAX_BYTES, and many
 * may be downloaded at once). The handle is opened here, so a missing file is a 404 up front.
 */
export async function openEvidence(actor: Actor, evidenceId: string) {
  const row = await getDb().evidence.findFirst({
    where: { id: evidenceId, kind: "FILE", ledgerItem: ledgerItemScopeWhere(actor) },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!row?.storageKey) throw new AppError("not_found");
  const handle = await fs.open(storagePath(row.storageKey)).catch(() => null);
  if (!handle) throw new AppError("not_found");
  const { size } = await handle.stat();
  return {
    fileName: row.fileName ?? "evidence",
    mimeType: row.mimeType ?? "application/octet-stream",
    sizeBytes: size,
    /** The bytes; reading to the end (or cancelling) closes the file. */
    stream: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>,
  };
}
