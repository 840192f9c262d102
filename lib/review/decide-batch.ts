import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { reviewEntry } from "./review-entry";
import { BatchDecisionInput } from "./schemas";

type BatchError = "not_found" | "forbidden" | "conflict" | "validation_failed" | "internal";

/**
 * Approves (or confirms) several entries with one request. Each entry goes through the same use
 * case as a single decision, in its own transaction with its own lock and audit record, so an
 * entry decided elsewhere meanwhile fails alone and the others are still decided.
 */
export async function decideBatch(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const { entryIds, decision } = parseInput(BatchDecisionInput, options.input, options.locale);
  const results: { id: string; ok: boolean; error?: BatchError }[] = [];
  for (const id of [...new Set(entryIds)]) {
    try {
      await reviewEntry(actor, {
        entryId: id,
        input: { decision },
        locale: options.locale,
        requestId: options.requestId,
        now: options.now,
      });
      results.push({ id, ok: true });
    } catch (error) {
      results.push({ id, ok: false, error: batchError(error, options.requestId) });
    }
  }
  return { results };
}

function batchError(error: unknown, requestId?: string): BatchError {
  if (error instanceof AppError) {
    if (
      error.code === "not_found" ||
      error.code === "forbidden" ||
      error.code === "conflict" ||
      error.code === "validation_failed"
    )
      return error.code;
  }
  const code = (error as { code?: unknown })?.code;
  if (code === "P2025") return "not_found";
  if (code === "P2002" || code === "P2034") return "conflict";
  console.error(`[review] batch decision failed ${requestId ?? ""}`, error);
  return "internal";
}
