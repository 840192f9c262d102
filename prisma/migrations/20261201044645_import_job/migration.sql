-- CreateTable
CREATE TABLE "ImportJob" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "programmeId" UUID,
    "dryRun" BOOLEAN NOT NULL,
    "fileName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "file" BYTEA,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "phase" TEXT,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsChecked" INTEGER NOT NULL DEFAULT 0,
    "rowsApplied" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt");
