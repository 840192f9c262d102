-- CreateIndex
CREATE INDEX "LedgerItem_categoryId_dueDate_id_idx" ON "LedgerItem"("categoryId", "dueDate", "id");

-- The main items of one category by due date: the dashboard drill-down of a category, whose
-- main items may all fall due after its other items (a walk of the category met none of them).
-- The predicate is written as the list writes its main-only filter.
CREATE INDEX "LedgerItem_main_categoryId_dueDate_id_idx" ON "LedgerItem"("categoryId", "dueDate", "id")
  WHERE "isMain";
