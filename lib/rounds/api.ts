import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { fileRound } from "./file-round";
import { openRound } from "./open-round";
import { listRounds, roundFilingStatus } from "./queries";
import { FileRoundInput, FilingStatus, OpenRoundInput, RoundDto, RoundParams } from "./schemas";

export const listRoundsEndpoint = endpoint(
  {
    method: "get",
    path: "/rounds",
    tag: "Reporting rounds",
    summary: "Reporting rounds, newest period first",
    permission: "ledger.read",
    query: z.object({ programmeId: z.uuid().optional() }),
    response: z.object({ items: z.array(RoundDto) }),
  },
  async ({ query }) => ({ items: await listRounds(query.programmeId) }),
);

export const openRoundEndpoint = endpoint(
  {
    method: "post",
    path: "/rounds",
    tag: "Reporting rounds",
    summary: "Open a reporting round for a period with a filing window (administrators)",
    permission: "round.manage",
    body: OpenRoundInput,
    response: RoundDto,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => openRound(actor, { input: body, locale, requestId }),
);

export const roundStatusEndpoint = endpoint(
  {
    method: "get",
    path: "/rounds/{id}",
    tag: "Reporting rounds",
    summary: "Who has filed: share of units per supervisor and the units in the caller's scope",
    permission: "ledger.read",
    params: RoundParams,
    response: FilingStatus,
  },
  async ({ actor, params }) => {
    const status = await roundFilingStatus(actor, params.id);
    if (!status) throw new AppError("not_found");
    return status;
  },
);

export const fileRoundEndpoint = endpoint(
  {
    method: "post",
    path: "/rounds/{id}/filings",
    tag: "Reporting rounds",
    summary:
      "File an enterprise's ledger for the round; items without an entry need an explicit no-change",
    permission: "ledger.write",
    params: RoundParams,
    body: FileRoundInput,
    response: z.object({
      roundId: z.uuid(),
      enterpriseId: z.uuid(),
      filedAt: z.iso.datetime(),
      late: z.boolean(),
      noChangeEntries: z.number().int(),
    }),
    successStatus: 201,
  },
  ({ actor, params, body, locale, requestId }) =>
    fileRound(actor, { roundId: params.id, input: body, locale, requestId }),
);
