import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { fileRound } from "./file-round";
import { openRound } from "./open-round";
import { listRounds, roundFilingStatus } from "./queries";
import { remindLateUnits } from "./remind-late";
import {
  FileRoundInput,
  FilingStatus,
  OpenRoundInput,
  RemindersResult,
  RoundDto,
  RoundList,
  RoundListQuery,
  RoundParams,
} from "./schemas";

export const listRoundsEndpoint = endpoint(
  {
    method: "get",
    path: "/rounds",
    tag: "Reporting rounds",
    summary:
      "Reporting rounds, newest period first, 20 a page (keyset: pass nextCursor), each with the " +
      "units in the caller's scope that filed out of those expected",
    permission: "ledger.read",
    query: RoundListQuery,
    response: RoundList,
  },
  ({ actor, query }) => listRounds(actor, query),
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

export const remindLateUnitsEndpoint = endpoint(
  {
    method: "post",
    path: "/rounds/{id}/reminders",
    tag: "Reporting rounds",
    summary:
      "After the window, remind every unit that has not filed (一键催报): a notification and an " +
      "e-mail to each of its liaisons. Once a day: a repeat the same China day sends nothing and " +
      "answers already=true with the time of the first (administrators)",
    permission: "round.manage",
    params: RoundParams,
    response: RemindersResult,
  },
  ({ actor, params, requestId }) => remindLateUnits(actor, { roundId: params.id, requestId }),
);
