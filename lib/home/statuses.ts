/** The stored ledger statuses in workflow order (safe to import from client components). */
export const LEDGER_STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETION_CLAIMED",
  "COMPLETED",
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
