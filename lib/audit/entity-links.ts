/**
 * The page of an audited object, by the entity type its writers record. Client-safe. Types
 * without a page of their own (progress entries, filings, saved views) have no link.
 */
const PAGES: Record<string, (id: string) => string> = {
  User: (id) => `/admin/users/${id}`,
  ApiToken: () => "/admin/tokens",
  Enterprise: (id) => `/enterprises/${id}`,
  LedgerItem: (id) => `/ledger/${id}`,
  SupervisionNotice: (id) => `/notices/${id}`,
  ReportingRound: (id) => `/rounds/${id}`,
  Programme: (id) => `/programmes/${id}`,
};

export function entityHref(entityType: string, entityId: string): string | null {
  return PAGES[entityType]?.(encodeURIComponent(entityId)) ?? null;
}

/** Entity types the journal's filter offers (any other can still be typed into the URL). */
export const KNOWN_ENTITY_TYPES = [
  "User",
  "ApiToken",
  "Enterprise",
  "LedgerItem",
  "ProgressEntry",
  "Evidence",
  "SupervisionNotice",
  "ReportingRound",
  "RoundFiling",
  "Programme",
  "Category",
  "Task",
  "Assignment",
  "ImportJob",
  "SavedView",
] as const;
