import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createEnterprise } from "./create-enterprise";
import { mergeEnterprise, previewMerge } from "./merge-enterprise";
import { moveEnterpriseSubtree } from "./move-subtree";
import { getEnterprise, listEnterprises } from "./queries";
import { EnterpriseDetail, EnterpriseListQuery, EnterprisePage, IdParams } from "./schemas";
import { updateEnterprise } from "./update-enterprise";
import {
  CreateEnterpriseInput,
  MergeCounts,
  MergeEnterpriseInput,
  MergePreviewQuery,
  MergeResult,
  MoveEnterpriseInput,
  MoveResult,
  UpdateEnterpriseInput,
} from "./write-schemas";

const EnterpriseRef = z.object({ id: z.uuid() }).meta({ id: "EnterpriseRef" });
const EnterpriseVersion = z
  .object({ id: z.uuid(), version: z.number().int() })
  .meta({ id: "EnterpriseVersion" });

export const listEnterprisesEndpoint = endpoint(
  {
    method: "get",
    path: "/enterprises",
    tag: "Enterprises",
    summary: "Enterprises within the caller's scope (cursor pagination)",
    permission: "enterprise.read",
    query: EnterpriseListQuery,
    response: EnterprisePage,
  },
  ({ actor, query }) => listEnterprises(actor, query),
);

export const getEnterpriseEndpoint = endpoint(
  {
    method: "get",
    path: "/enterprises/{id}",
    tag: "Enterprises",
    summary: "One enterprise; 404 when it does not exist or lies outside the caller's scope",
    permission: "enterprise.read",
    params: IdParams,
    response: EnterpriseDetail,
  },
  async ({ actor, params }) => {
    const enterprise = await getEnterprise(actor, params.id);
    if (!enterprise) throw new AppError("not_found");
    return enterprise;
  },
);

export const createEnterpriseEndpoint = endpoint(
  {
    method: "post",
    path: "/enterprises",
    tag: "Enterprises",
    summary:
      "Register an enterprise: a group (with its supervisor) or a subsidiary under parentId. The " +
      "unified social credit code is checked (check character) and unique; administrators of the supervisor",
    permission: "catalogue.manage",
    body: CreateEnterpriseInput,
    response: EnterpriseRef,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) =>
    createEnterprise(actor, { input: body, locale, requestId }),
);

export const updateEnterpriseEndpoint = endpoint(
  {
    method: "patch",
    path: "/enterprises/{id}",
    tag: "Enterprises",
    summary:
      "Edit an enterprise's attributes (the fields sent), with the version read (409 when stale). " +
      "A new name keeps the previous one as a former name (曾用名)",
    permission: "catalogue.manage",
    params: IdParams,
    body: UpdateEnterpriseInput,
    response: EnterpriseVersion,
  },
  ({ actor, params, body, locale, requestId }) =>
    updateEnterprise(actor, { id: params.id, input: body, locale, requestId }),
);

export const moveEnterpriseEndpoint = endpoint(
  {
    method: "post",
    path: "/enterprises/{id}/move",
    tag: "Enterprises",
    summary:
      "Move an enterprise with its whole subtree under another parent (null: a group of its own) " +
      "and/or to another supervisor (default: the new parent's). Refuses cycles; the actor must " +
      "administer both supervisors; past figures keep the tree as it stood",
    permission: "catalogue.manage",
    params: IdParams,
    body: MoveEnterpriseInput,
    response: MoveResult,
  },
  ({ actor, params, body, locale, requestId }) =>
    moveEnterpriseSubtree(actor, { id: params.id, input: body, locale, requestId }),
);

export const mergePreviewEndpoint = endpoint(
  {
    method: "get",
    path: "/enterprises/{id}/merge",
    refusable: true,
    tag: "Enterprises",
    summary: "What merging enterprise {id} into survivorId would move (nothing is changed)",
    permission: "catalogue.manage",
    params: IdParams,
    query: MergePreviewQuery,
    response: MergeCounts.extend({ subtree: z.number().int() }),
  },
  ({ actor, params, query, locale }) =>
    previewMerge(actor, { id: params.id, survivorId: query.survivorId, locale }),
);

export const mergeEnterpriseEndpoint = endpoint(
  {
    method: "post",
    path: "/enterprises/{id}/merge",
    tag: "Enterprises",
    summary:
      "Merge enterprise {id} (absorbed; version = its version) into survivorId: its ledger items " +
      "and their history pass to the survivor (an item of a task the survivor already has is " +
      "marked not applicable instead), its subsidiaries move under the survivor, its scope grants " +
      "pass to the survivor, and it becomes inactive. Figures for days before the merge do not change",
    permission: "catalogue.manage",
    params: IdParams,
    body: MergeEnterpriseInput,
    response: MergeResult,
  },
  ({ actor, params, body, locale, requestId }) =>
    mergeEnterprise(actor, { id: params.id, input: body, locale, requestId }),
);
