/**
 * Writers for reporting rounds (/api/v1/rounds/**). Rounds are read by server components; the
 * items a filing must cover are read through `ledgerQueries.page`, so ledger writes refresh them.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";
import { reviewQueries } from "@/lib/review/query-options";
import type { FileRoundInput, OpenRoundInput, RemindersResult, RoundDto } from "./schemas";

export type Round = z.infer<typeof RoundDto>;

/** What filing an enterprise in a round answers. */
export type FileResult = {
  roundId: string;
  enterpriseId: string;
  filedAt: string;
  late: boolean;
  noChangeEntries: number;
};

/** POST /api/v1/rounds. Throws ApiError (422 with field messages). */
export function openRound(body: z.input<typeof OpenRoundInput>) {
  return apiRequest<Round>("/api/v1/rounds", { method: "POST", json: body });
}

/** POST /api/v1/rounds/{id}/filings. A 422 carries `details.missingItemIds`. */
export function fileRound(roundId: string, body: z.input<typeof FileRoundInput>) {
  return apiRequest<FileResult>(`/api/v1/rounds/${roundId}/filings`, {
    method: "POST",
    json: body,
  });
}

/**
 * After a filing: the "no change" entries it recorded change the ledger's items and join the
 * review queue, so both are stale. (Rounds themselves are server-rendered: `router.refresh()`.)
 */
export function afterFiling(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
  void queryClient.invalidateQueries({ queryKey: reviewQueries.all });
}

/** POST /api/v1/rounds/{id}/reminders (一键催报): once a day; a repeat answers `already`. */
export function remindLateUnits(roundId: string) {
  return apiRequest<RemindersResult>(`/api/v1/rounds/${roundId}/reminders`, { method: "POST" });
}
