import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { Locale } from "@/lib/i18n/config";
import { parseInput } from "@/lib/i18n/zod";
import { appendEntry } from "./append-entry";
import { ClaimCompletionInput } from "./schemas";

/**
 * A liaison claims completion (销号申请) with evidence and a statement. The item then waits for
 * review; it counts as completed only when a reviewer gives final approval.
 */
export async function claimCompletion(
  actor: Actor,
  options: { itemId: string; input: unknown; locale: Locale; requestId?: string; now?: Date },
) {
  const input = parseInput(ClaimCompletionInput, options.input, options.locale);
  return appendEntry(actor, {
    itemId: options.itemId,
    version: input.version,
    kind: "COMPLETION_CLAIM",
    period: input.period,
    narrative: input.statement,
    percentDone: 100,
    status: "COMPLETION_CLAIMED",
    indicatorValues: input.indicatorValues,
    evidenceIds: input.evidenceIds,
    links: input.links,
    justification: input.justification,
    indicatorWarningsConfirmed: input.indicatorWarningsConfirmed,
    locale: options.locale,
    requestId: options.requestId,
    now: options.now,
  });
}
