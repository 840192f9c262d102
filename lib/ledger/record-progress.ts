import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { parseInput } from "@/lib/i18n/zod";
import type { Locale } from "@/lib/i18n/config";
import { appendEntry } from "./append-entry";
import { RecordProgressInput } from "./schemas";

/** A liaison records progress on a ledger item for a reporting period (append-only). */
export async function recordProgress(
  actor: Actor,
  options: { itemId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(RecordProgressInput, options.input, options.locale);
  return appendEntry(actor, {
    itemId: options.itemId,
    version: input.version,
    kind: "PROGRESS",
    period: input.period,
    narrative: input.narrative,
    percentDone: input.percentDone,
    status: input.status,
    indicatorValues: input.indicatorValues,
    evidenceIds: input.evidenceIds,
    links: input.links,
    correctsId: input.correctsId,
    indicatorWarningsConfirmed: input.indicatorWarningsConfirmed,
    locale: options.locale,
    requestId: options.requestId,
    now: options.now,
  });
}
