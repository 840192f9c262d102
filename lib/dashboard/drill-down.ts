/**
 * Addresses of the ledger list (GET /api/v1/ledger-items) behind a dashboard figure. The list
 * with `asOf` filters the same as-of population with the same conditions (lib/dashboard/nodes.ts
 * populationWhereSql), so its `total` equals the figure. Client-safe.
 */
export type DrillDownFilter = {
  programmeId: string;
  asOf: string;
  supervisorId?: string;
  enterpriseId?: string;
  categoryId?: string;
  colour?: "red" | "yellow" | "atRisk";
};

export function ledgerListUrl(
  filter: DrillDownFilter & { completed?: boolean; mainOnly?: boolean },
): string {
  const params = new URLSearchParams({ programmeId: filter.programmeId, asOf: filter.asOf });
  if (filter.mainOnly ?? true) params.set("mainOnly", "true");
  for (const key of ["supervisorId", "enterpriseId", "categoryId", "colour"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.completed !== undefined) params.set("completed", String(filter.completed));
  return `/api/v1/ledger-items?${params.toString()}`;
}

/** The pair beside a total/completed figure: all of it, and its completed part. */
export function drillDown(filter: DrillDownFilter): { total: string; completed: string } {
  return { total: ledgerListUrl(filter), completed: ledgerListUrl({ ...filter, completed: true }) };
}
