import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { getDashboard } from "./get-dashboard";
import { DashboardDto, DashboardQuery } from "./schemas";

export const getDashboardEndpoint = endpoint(
  {
    method: "get",
    path: "/dashboard",
    tag: "Dashboard",
    summary:
      "Main-task completion of a node (the caller's whole scope, a supervisor or an enterprise subtree) " +
      "as of a China day: headline against the target, weighted progress, categories, ranked children, " +
      "monthly trend, forecast, at-risk items, indicator totals; every figure with its ledger-list drill-down",
    permission: "dashboard.read",
    query: DashboardQuery,
    response: DashboardDto,
  },
  ({ actor, query }) => getDashboard(actor, query),
);
