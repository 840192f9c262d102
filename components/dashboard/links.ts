import type { DashboardQuery } from "@/lib/dashboard/schemas";

/** A drill-down address of GET /api/v1/ledger-items as the /ledger page with the same query. */
export function ledgerHref(apiUrl: string): string {
  const query = apiUrl.indexOf("?");
  return `/ledger${query >= 0 ? apiUrl.slice(query) : ""}`;
}

/** The dashboard of a view: the query string carries it, so a link reproduces the page. */
export function dashboardHref(query: Partial<DashboardQuery>): string {
  const params = new URLSearchParams();
  for (const key of ["programmeId", "supervisorId", "enterpriseId", "asOf", "compareTo"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/dashboard?${search}` : "/dashboard";
}
