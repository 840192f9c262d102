-- The not-started items by last entry: they seldom have one, so a list of them by last entry
-- walked every item with an entry and then read every not-started item to find none
-- (lib/ledger/list-items.ts seekSql). Nearly empty, so nearly free to keep.
CREATE INDEX "LedgerItem_not_started_lastEntryAt_id_idx" ON "LedgerItem"("lastEntryAt", "id")
  WHERE "status" = 'NOT_STARTED';
