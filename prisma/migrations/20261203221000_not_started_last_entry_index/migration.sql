-- The not-started items that have an entry, by last entry: they seldom have one, so a list of
-- them by last entry walked every item with an entry and then read every not-started item to
-- find none (lib/ledger/list-items.ts seekSql). Nearly empty, so nearly free to keep. Only the
-- items with an entry: with the others in it, PostgreSQL read it for the ones without (all
-- 67,000 not-started items of the country, once per enterprise of a group).
CREATE INDEX "LedgerItem_not_started_lastEntryAt_id_idx" ON "LedgerItem"("lastEntryAt", "id")
  WHERE "status" = 'NOT_STARTED' AND "lastEntryAt" IS NOT NULL;
