/**
 * Writers for reporting rounds (/api/v1/rounds/**). Rounds are read by server components; the
 * items a filing must cover are read through `ledgerQueries.page`, so ledger writes refresh them.
 */
import type { z } from "zod";
import { apiRequest } from "@/lib/api/client";
import type { FileRoundInput, OpenRoundInput, RoundDto } from "./schemas";

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
