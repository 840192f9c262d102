import "server-only";
import { z } from "zod";
import { endpoint, errorResponse } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { claimCompletion } from "./claim-completion";
import { findEvidenceTarget, openEvidence, uploadEvidence } from "./evidence";
import { readEvidenceUpload, UploadTooLarge } from "./read-evidence-upload";
import { getLedgerItem, listEntries, listLedgerItems } from "./queries";
import { recordProgress } from "./record-progress";
import {
  ClaimCompletionInput,
  EntryList,
  EntryWriteResult,
  EvidenceDto,
  EvidenceParams,
  ItemParams,
  LedgerItemDetail,
  LedgerListQuery,
  LedgerPage,
  RecordProgressInput,
} from "./schemas";

export const listLedgerItemsEndpoint = endpoint(
  {
    method: "get",
    path: "/ledger-items",
    tag: "Work ledger",
    summary: "Ledger items in the caller's scope: filters, sorting, cursor pagination",
    permission: "ledger.read",
    query: LedgerListQuery,
    response: LedgerPage,
  },
  ({ actor, query }) => listLedgerItems(actor, query),
);

export const getLedgerItemEndpoint = endpoint(
  {
    method: "get",
    path: "/ledger-items/{id}",
    tag: "Work ledger",
    summary: "One ledger item with indicators, timeline, evidence and notices",
    permission: "ledger.read",
    params: ItemParams,
    response: LedgerItemDetail,
  },
  async ({ actor, params }) => {
    const item = await getLedgerItem(actor, params.id);
    if (!item) throw new AppError("not_found");
    return item;
  },
);

export const listEntriesEndpoint = endpoint(
  {
    method: "get",
    path: "/ledger-items/{id}/entries",
    tag: "Work ledger",
    summary: "The item's progress entries, newest first",
    permission: "ledger.read",
    params: ItemParams,
    response: EntryList,
  },
  async ({ actor, params }) => {
    const items = await listEntries(actor, params.id);
    if (!items) throw new AppError("not_found");
    return { items };
  },
);

export const recordProgressEndpoint = endpoint(
  {
    method: "post",
    path: "/ledger-items/{id}/entries",
    tag: "Work ledger",
    summary: "Record a progress entry (append-only); 409 when `version` is stale",
    permission: "ledger.write",
    params: ItemParams,
    body: RecordProgressInput,
    response: EntryWriteResult,
    successStatus: 201,
  },
  ({ actor, params, body, locale, requestId }) =>
    recordProgress(actor, { itemId: params.id, input: body, locale, requestId }),
);

export const claimCompletionEndpoint = endpoint(
  {
    method: "post",
    path: "/ledger-items/{id}/completion-claims",
    tag: "Work ledger",
    summary:
      "Claim completion (销号) with a statement and evidence; the item then waits for review",
    permission: "ledger.write",
    params: ItemParams,
    body: ClaimCompletionInput,
    response: EntryWriteResult,
    successStatus: 201,
  },
  ({ actor, params, body, locale, requestId }) =>
    claimCompletion(actor, { itemId: params.id, input: body, locale, requestId }),
);

export const uploadEvidenceEndpoint = endpoint(
  {
    method: "post",
    path: "/ledger-items/{id}/evidence",
    tag: "Work ledger",
    summary:
      "Upload an evidence file (PDF, images, Office documents; at most 20 MB) to attach to an entry",
    permission: "ledger.write",
    params: ItemParams,
    multipart: z.object({ file: z.string().meta({ format: "binary" }) }),
    response: EvidenceDto,
    successStatus: 201,
  },
  async ({ actor, params, request, requestId, locale }) => {
    // Scope first: a caller who may not write here never gets to send us 20 MB.
    const item = await findEvidenceTarget(actor, params.id);
    let file: File | null;
    try {
      file = await readEvidenceUpload(request);
    } catch (error) {
      if (!(error instanceof UploadTooLarge)) throw error;
      const refused = errorResponse(
        new AppError("validation_failed", undefined, { file: "fileTooLarge" }),
        locale,
        requestId,
      );
      // Same JSON as any refused field, with the status that says "too large".
      return new Response(refused.body, { status: 413, headers: refused.headers });
    }
    return uploadEvidence(actor, { itemId: params.id, file, requestId, item });
  },
);

/** Types a browser may show inside the page (an <img> or the PDF viewer); the rest download. */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/webp"]);

export const downloadEvidenceEndpoint = endpoint(
  {
    method: "get",
    path: "/evidence/{id}",
    tag: "Work ledger",
    summary: "Download an evidence file (only within the caller's scope)",
    permission: "ledger.read",
    params: EvidenceParams,
    query: z.object({
      inline: z.enum(["1"]).optional().meta({
        description:
          "Show a PDF or image in the page (a preview) instead of downloading it; other types still download",
      }),
    }),
    response: z.unknown(),
    fileResponse: "application/octet-stream",
  },
  async ({ actor, params, query }) => {
    const file = await openEvidence(actor, params.id);
    const inline = query.inline === "1" && INLINE_TYPES.has(file.mimeType);
    const name = encodeURIComponent(file.fileName);
    return new Response(file.stream, {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.sizeBytes),
        "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        // A preview may be framed by our own pages only (next.config.js relaxes DENY for it);
        // the file itself runs in a sandbox: no scripts, no forms, no same-origin access.
        ...(inline
          ? {
              "content-security-policy":
                "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'",
              "x-frame-options": "SAMEORIGIN",
            }
          : {}),
      },
    });
  },
);
