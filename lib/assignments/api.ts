import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { assignTasks } from "./assign-tasks";
import { getMatrix } from "./matrix";
import {
  ApplicabilityInput,
  ApplicabilityResult,
  AssignInput,
  AssignResult,
  IdParams,
  Matrix,
  MatrixQuery,
} from "./schemas";
import { setApplicability } from "./set-applicability";

const TAG = "Assignments";

export const assignTasksEndpoint = endpoint(
  {
    method: "post",
    path: "/assignments",
    tag: TAG,
    summary:
      "Assign tasks of a programme to every enterprise of a selection (分解下达): new ledger items " +
      "copy the task's programme, category and main flag; enterprises that have the item are " +
      "skipped (or get the responsible fields given, with updateExisting). Every enterprise " +
      "selected must be supervised by a SASAC the caller administers. dryRun answers the counts " +
      "and a sample without writing (administrators)",
    permission: "catalogue.manage",
    body: AssignInput,
    response: AssignResult,
  },
  ({ actor, body, locale, requestId }) => assignTasks(actor, { input: body, locale, requestId }),
);

export const setApplicabilityEndpoint = endpoint(
  {
    method: "patch",
    path: "/ledger-items/{id}/applicability",
    tag: TAG,
    summary:
      "Mark a ledger item not applicable (a reason is required) or applicable again; excluded " +
      "items leave the completion figures from now on. Administrators of the enterprise's " +
      "supervisor; 409 on a stale version",
    permission: "catalogue.manage",
    params: IdParams,
    body: ApplicabilityInput,
    response: ApplicabilityResult,
  },
  ({ actor, params, body, locale, requestId }) =>
    setApplicability(actor, { itemId: params.id, input: body, locale, requestId }),
);

export const matrixEndpoint = endpoint(
  {
    method: "get",
    path: "/programmes/{id}/matrix",
    tag: TAG,
    summary:
      "The task x enterprise matrix of a programme: a page of enterprises in tree order with the " +
      "status of each task's item, and per task its coverage over the whole filter (assigned, " +
      "not applicable, completed)",
    permission: "ledger.read",
    params: IdParams,
    query: MatrixQuery,
    response: Matrix,
  },
  async ({ actor, params, query }) => {
    const matrix = await getMatrix(actor, params.id, query);
    if (!matrix) throw new AppError("not_found");
    return matrix;
  },
);
