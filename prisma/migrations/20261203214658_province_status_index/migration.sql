-- The rows of one province by status and category, for its filtered counts (see schema.prisma).
-- CreateIndex
CREATE INDEX "LedgerItem_supervisorId_status_categoryId_idx" ON "LedgerItem"("supervisorId", "status", "categoryId");
