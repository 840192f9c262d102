-- CreateEnum
CREATE TYPE "SnapshotNode" AS ENUM ('PROGRAMME', 'SUPERVISOR', 'ENTERPRISE');

-- CreateTable
CREATE TABLE "EnterpriseClosureSpan" (
    "id" BIGSERIAL NOT NULL,
    "ancestorId" UUID NOT NULL,
    "descendantId" UUID NOT NULL,
    "depth" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),

    CONSTRAINT "EnterpriseClosureSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseSupervisorSpan" (
    "id" BIGSERIAL NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),

    CONSTRAINT "EnterpriseSupervisorSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerItemSpan" (
    "id" BIGSERIAL NOT NULL,
    "ledgerItemId" UUID NOT NULL,
    "isMain" BOOLEAN NOT NULL,
    "categoryId" UUID NOT NULL,
    "notApplicable" BOOLEAN NOT NULL,
    "notApplicableReason" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),

    CONSTRAINT "LedgerItemSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "roundId" UUID NOT NULL,
    "nodeType" "SnapshotNode" NOT NULL,
    "nodeId" UUID NOT NULL,
    "categoryId" UUID,
    "total" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "weightedPercentSum" DECIMAL(20,2) NOT NULL,
    "weightSum" DECIMAL(20,2) NOT NULL,
    "pendingClaims" INTEGER NOT NULL,
    "red" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnterpriseClosureSpan_ancestorId_validFrom_idx" ON "EnterpriseClosureSpan"("ancestorId", "validFrom");

-- CreateIndex
CREATE INDEX "EnterpriseClosureSpan_descendantId_validFrom_idx" ON "EnterpriseClosureSpan"("descendantId", "validFrom");

-- CreateIndex
CREATE INDEX "EnterpriseSupervisorSpan_enterpriseId_validFrom_idx" ON "EnterpriseSupervisorSpan"("enterpriseId", "validFrom");

-- CreateIndex
CREATE INDEX "EnterpriseSupervisorSpan_supervisorId_validFrom_idx" ON "EnterpriseSupervisorSpan"("supervisorId", "validFrom");

-- CreateIndex
CREATE INDEX "LedgerItemSpan_ledgerItemId_validFrom_idx" ON "LedgerItemSpan"("ledgerItemId", "validFrom");

-- CreateIndex
CREATE INDEX "RoundSnapshot_roundId_nodeType_nodeId_idx" ON "RoundSnapshot"("roundId", "nodeType", "nodeId");

-- AddForeignKey
ALTER TABLE "EnterpriseClosureSpan" ADD CONSTRAINT "EnterpriseClosureSpan_ancestorId_fkey" FOREIGN KEY ("ancestorId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseClosureSpan" ADD CONSTRAINT "EnterpriseClosureSpan_descendantId_fkey" FOREIGN KEY ("descendantId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseSupervisorSpan" ADD CONSTRAINT "EnterpriseSupervisorSpan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseSupervisorSpan" ADD CONSTRAINT "EnterpriseSupervisorSpan_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItemSpan" ADD CONSTRAINT "LedgerItemSpan_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItemSpan" ADD CONSTRAINT "LedgerItemSpan_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSnapshot" ADD CONSTRAINT "RoundSnapshot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSnapshot" ADD CONSTRAINT "RoundSnapshot_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what the Prisma schema language cannot express.

-- At most one open span per item, per closure pair, per enterprise (the writers close before
-- they open), and no interval that ends before it begins.
CREATE UNIQUE INDEX "LedgerItemSpan_open_key" ON "LedgerItemSpan"("ledgerItemId") WHERE "validTo" IS NULL;
CREATE UNIQUE INDEX "EnterpriseClosureSpan_open_key" ON "EnterpriseClosureSpan"("ancestorId", "descendantId") WHERE "validTo" IS NULL;
CREATE UNIQUE INDEX "EnterpriseSupervisorSpan_open_key" ON "EnterpriseSupervisorSpan"("enterpriseId") WHERE "validTo" IS NULL;
ALTER TABLE "LedgerItemSpan" ADD CONSTRAINT "LedgerItemSpan_interval" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "EnterpriseClosureSpan" ADD CONSTRAINT "EnterpriseClosureSpan_interval" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "EnterpriseSupervisorSpan" ADD CONSTRAINT "EnterpriseSupervisorSpan_interval" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

-- Spans are history: the only change allowed is closing an open span (setting validTo once);
-- every other update and every delete is refused. Semicolons spelled \x3B (see the first migration).
CREATE FUNCTION reform_span_close_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''UPDATE'' AND OLD."validTo" IS NULL AND NEW."validTo" IS NOT NULL AND (to_jsonb(NEW) - ''validTo'') = (to_jsonb(OLD) - ''validTo'') THEN RETURN NEW\x3B END IF\x3B RAISE EXCEPTION ''% is history: spans are only appended and closed'', TG_TABLE_NAME\x3B END';
CREATE TRIGGER "LedgerItemSpan_close_only" BEFORE UPDATE OR DELETE ON "LedgerItemSpan"
  FOR EACH ROW EXECUTE FUNCTION reform_span_close_only();
CREATE TRIGGER "EnterpriseClosureSpan_close_only" BEFORE UPDATE OR DELETE ON "EnterpriseClosureSpan"
  FOR EACH ROW EXECUTE FUNCTION reform_span_close_only();
CREATE TRIGGER "EnterpriseSupervisorSpan_close_only" BEFORE UPDATE OR DELETE ON "EnterpriseSupervisorSpan"
  FOR EACH ROW EXECUTE FUNCTION reform_span_close_only();
-- Frozen figures stay frozen.
CREATE TRIGGER "RoundSnapshot_append_only" BEFORE UPDATE OR DELETE ON "RoundSnapshot"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();

-- Backfill from the current rows: each attribute has held since its row was created (nothing
-- was recorded before, so this is the best history there is).
INSERT INTO "LedgerItemSpan" ("ledgerItemId", "isMain", "categoryId", "notApplicable", "notApplicableReason", "validFrom")
  SELECT "id", "isMain", "categoryId", "notApplicable", "notApplicableReason", "createdAt" FROM "LedgerItem";
INSERT INTO "EnterpriseClosureSpan" ("ancestorId", "descendantId", "depth", "validFrom")
  SELECT c."ancestorId", c."descendantId", c."depth", e."createdAt"
  FROM "EnterpriseClosure" c JOIN "Enterprise" e ON e."id" = c."descendantId";
INSERT INTO "EnterpriseSupervisorSpan" ("enterpriseId", "supervisorId", "validFrom")
  SELECT "id", "supervisorId", "createdAt" FROM "Enterprise";
