-- CreateIndex
CREATE INDEX "LedgerItem_status_percentDone_id_idx" ON "LedgerItem"("status", "percentDone", "id");

-- CreateIndex
CREATE INDEX "LedgerItem_status_percentDone_desc_id_idx" ON "LedgerItem"("status", "percentDone" DESC, "id");

-- The open items (not applicable or completed excluded) by due date and by last entry, in both
-- directions: a list filtered to open items (overdue, a colour of an open item) and the colour
-- segments of the urgency and colour orders walk these, not every item (late in a programme
-- most items are completed). The predicate is written exactly as the list writes it
-- (lib/ledger/list-order.ts OPEN), so the planner sees that the index holds the rows.
CREATE INDEX "LedgerItem_open_dueDate_id_idx" ON "LedgerItem"("dueDate", "id")
  WHERE NOT "notApplicable" AND "status" <> 'COMPLETED';
CREATE INDEX "LedgerItem_open_dueDate_desc_id_idx" ON "LedgerItem"("dueDate" DESC, "id")
  WHERE NOT "notApplicable" AND "status" <> 'COMPLETED';
CREATE INDEX "LedgerItem_open_lastEntryAt_id_idx" ON "LedgerItem"("lastEntryAt", "id")
  WHERE NOT "notApplicable" AND "status" <> 'COMPLETED';
CREATE INDEX "LedgerItem_open_lastEntryAt_desc_id_idx" ON "LedgerItem"("lastEntryAt" DESC, "id")
  WHERE NOT "notApplicable" AND "status" <> 'COMPLETED';
