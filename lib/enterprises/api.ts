import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { getEnterprise, listEnterprises } from "./queries";
import { EnterpriseDetail, EnterpriseListQuery, EnterprisePage, IdParams } from "./schemas";

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
