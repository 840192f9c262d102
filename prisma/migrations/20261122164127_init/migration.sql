-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SupervisorLevel" AS ENUM ('CENTRAL', 'PROVINCIAL', 'MUNICIPAL');

-- CreateEnum
CREATE TYPE "FunctionalClass" AS ENUM ('COMMERCIAL_COMPETITIVE', 'COMMERCIAL_STRATEGIC', 'PUBLIC_WELFARE');

-- CreateEnum
CREATE TYPE "OwnershipForm" AS ENUM ('WHOLLY_STATE_OWNED', 'MIXED_OWNERSHIP', 'LISTED');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('COUNT', 'PERSON', 'YUAN_100M', 'YUAN_10K', 'PERCENT', 'PERCENTAGE_POINT');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('INCREASE', 'DECREASE');

-- CreateEnum
CREATE TYPE "LedgerStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_CLAIMED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('MONTH', 'QUARTER');

-- CreateEnum
CREATE TYPE "EntryKind" AS ENUM ('PROGRESS', 'NO_CHANGE', 'COMPLETION_CLAIM');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('SUBMITTED', 'CONFIRMED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('CONFIRM', 'APPROVE', 'RETURN');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('FILE', 'LINK');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "NoticeLevel" AS ENUM ('BLUE', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('OPEN', 'REPLIED', 'CLOSED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'LIAISON', 'MANAGER');

-- CreateTable
CREATE TABLE "Supervisor" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "level" "SupervisorLevel" NOT NULL,
    "region" TEXT,
    "parentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supervisor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "creditCode" TEXT,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "shortNameZh" TEXT,
    "shortNameEn" TEXT,
    "parentId" UUID,
    "rootId" UUID,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "supervisorId" UUID NOT NULL,
    "region" TEXT,
    "industryZh" TEXT,
    "industryEn" TEXT,
    "functionalClass" "FunctionalClass",
    "ownershipForm" "OwnershipForm" NOT NULL DEFAULT 'WHOLLY_STATE_OWNED',
    "partySupervisorId" UUID,
    "partyOrgNameZh" TEXT,
    "partyOrgNameEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseClosure" (
    "ancestorId" UUID NOT NULL,
    "descendantId" UUID NOT NULL,
    "depth" INTEGER NOT NULL,

    CONSTRAINT "EnterpriseClosure_pkey" PRIMARY KEY ("ancestorId","descendantId")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "reportingUntil" DATE,
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'ACTIVE',
    "supervisorId" UUID NOT NULL,
    "closeOffLevels" INTEGER NOT NULL DEFAULT 1,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 30,
    "behindPlanPoints" INTEGER NOT NULL DEFAULT 15,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "categoryId" UUID,
    "dueDate" DATE NOT NULL,
    "ratePercent" DECIMAL(5,2) NOT NULL,
    "nameZh" TEXT,
    "nameEn" TEXT,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,
    "doneCriteriaZh" TEXT,
    "doneCriteriaEn" TEXT,
    "isMain" BOOLEAN NOT NULL DEFAULT true,
    "weight" DECIMAL(6,2) NOT NULL DEFAULT 1,
    "defaultDueDate" DATE,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorDefinition" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'INCREASE',
    "baseline" DECIMAL(20,4),
    "target" DECIMAL(20,4),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "isMain" BOOLEAN NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,
    "notApplicableReason" TEXT,
    "responsibleDept" TEXT,
    "responsiblePerson" TEXT,
    "responsiblePhone" TEXT,
    "dueDate" DATE NOT NULL,
    "status" "LedgerStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "percentDone" INTEGER NOT NULL DEFAULT 0,
    "lastEntryAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerIndicatorTarget" (
    "ledgerItemId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "baseline" DECIMAL(20,4),
    "target" DECIMAL(20,4),

    CONSTRAINT "LedgerIndicatorTarget_pkey" PRIMARY KEY ("ledgerItemId","indicatorId")
);

-- CreateTable
CREATE TABLE "LedgerStatusEvent" (
    "id" BIGSERIAL NOT NULL,
    "ledgerItemId" UUID NOT NULL,
    "fromStatus" "LedgerStatus",
    "toStatus" "LedgerStatus" NOT NULL,
    "percentDone" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "entryId" UUID,

    CONSTRAINT "LedgerStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEntry" (
    "id" UUID NOT NULL,
    "ledgerItemId" UUID NOT NULL,
    "kind" "EntryKind" NOT NULL DEFAULT 'PROGRESS',
    "periodType" "PeriodType" NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "roundId" UUID,
    "narrative" TEXT NOT NULL,
    "percentDone" INTEGER NOT NULL,
    "status" "LedgerStatus" NOT NULL,
    "reviewState" "ReviewState" NOT NULL DEFAULT 'SUBMITTED',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "correctsId" UUID,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntryReview" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntryReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "ledgerItemId" UUID NOT NULL,
    "entryId" UUID,
    "kind" "EvidenceKind" NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "storageKey" TEXT,
    "url" TEXT,
    "title" TEXT,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingRound" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "periodType" "PeriodType" NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "windowOpensAt" TIMESTAMP(3) NOT NULL,
    "windowClosesAt" TIMESTAMP(3) NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'PLANNED',
    "openedById" UUID,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundFiling" (
    "roundId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedById" UUID NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RoundFiling_pkey" PRIMARY KEY ("roundId","enterpriseId")
);

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "programmeId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "issuedById" UUID NOT NULL,
    "level" "NoticeLevel" NOT NULL,
    "requiredAction" TEXT NOT NULL,
    "responseDueAt" TIMESTAMP(3) NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'OPEN',
    "escalationCount" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeItem" (
    "noticeId" UUID NOT NULL,
    "ledgerItemId" UUID NOT NULL,

    CONSTRAINT "NoticeItem_pkey" PRIMARY KEY ("noticeId","ledgerItemId")
);

-- CreateTable
CREATE TABLE "NoticeReply" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TypicalCase" (
    "id" UUID NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "bodyZh" TEXT,
    "bodyEn" TEXT,
    "supervisorId" UUID,
    "publishedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TypicalCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TypicalCaseTask" (
    "caseId" UUID NOT NULL,
    "taskId" UUID NOT NULL,

    CONSTRAINT "TypicalCaseTask_pkey" PRIMARY KEY ("caseId","taskId")
);

-- CreateTable
CREATE TABLE "TypicalCaseEnterprise" (
    "caseId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,

    CONSTRAINT "TypicalCaseEnterprise_pkey" PRIMARY KEY ("caseId","enterpriseId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scopeAll" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserScope" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "supervisorId" UUID,
    "enterpriseId" UUID,

    CONSTRAINT "UserScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Supervisor_code_key" ON "Supervisor"("code");

-- CreateIndex
CREATE INDEX "Supervisor_parentId_idx" ON "Supervisor"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_code_key" ON "Enterprise"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_parentId_sortOrder_idx" ON "Enterprise"("parentId", "sortOrder");

-- CreateIndex
CREATE INDEX "Enterprise_supervisorId_idx" ON "Enterprise"("supervisorId");

-- CreateIndex
CREATE INDEX "Enterprise_rootId_idx" ON "Enterprise"("rootId");

-- CreateIndex
CREATE INDEX "EnterpriseClosure_descendantId_depth_idx" ON "EnterpriseClosure"("descendantId", "depth");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

-- CreateIndex
CREATE INDEX "Milestone_programmeId_date_idx" ON "Milestone"("programmeId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Target_programmeId_categoryId_dueDate_key" ON "Target"("programmeId", "categoryId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Category_programmeId_code_key" ON "Category"("programmeId", "code");

-- CreateIndex
CREATE INDEX "Task_categoryId_idx" ON "Task"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_programmeId_code_key" ON "Task"("programmeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorDefinition_taskId_code_key" ON "IndicatorDefinition"("taskId", "code");

-- CreateIndex
CREATE INDEX "LedgerItem_taskId_idx" ON "LedgerItem"("taskId");

-- CreateIndex
CREATE INDEX "LedgerItem_programmeId_isMain_status_idx" ON "LedgerItem"("programmeId", "isMain", "status");

-- CreateIndex
CREATE INDEX "LedgerItem_enterpriseId_programmeId_isMain_idx" ON "LedgerItem"("enterpriseId", "programmeId", "isMain");

-- CreateIndex
CREATE INDEX "LedgerItem_dueDate_idx" ON "LedgerItem"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_enterpriseId_taskId_key" ON "LedgerItem"("enterpriseId", "taskId");

-- CreateIndex
CREATE INDEX "LedgerStatusEvent_ledgerItemId_at_idx" ON "LedgerStatusEvent"("ledgerItemId", "at");

-- CreateIndex
CREATE INDEX "LedgerStatusEvent_at_idx" ON "LedgerStatusEvent"("at");

-- CreateIndex
CREATE INDEX "ProgressEntry_ledgerItemId_createdAt_idx" ON "ProgressEntry"("ledgerItemId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressEntry_reviewState_createdAt_idx" ON "ProgressEntry"("reviewState", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressEntry_roundId_idx" ON "ProgressEntry"("roundId");

-- CreateIndex
CREATE INDEX "EntryReview_entryId_createdAt_idx" ON "EntryReview"("entryId", "createdAt");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_idx" ON "IndicatorValue"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_entryId_indicatorId_key" ON "IndicatorValue"("entryId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_ledgerItemId_idx" ON "Evidence"("ledgerItemId");

-- CreateIndex
CREATE INDEX "Evidence_entryId_idx" ON "Evidence"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingRound_programmeId_period_key" ON "ReportingRound"("programmeId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionNotice_number_key" ON "SupervisionNotice"("number");

-- CreateIndex
CREATE INDEX "SupervisionNotice_status_responseDueAt_idx" ON "SupervisionNotice"("status", "responseDueAt");

-- CreateIndex
CREATE INDEX "NoticeItem_ledgerItemId_idx" ON "NoticeItem"("ledgerItemId");

-- CreateIndex
CREATE INDEX "NoticeReply_noticeId_createdAt_idx" ON "NoticeReply"("noticeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "UserScope_userId_idx" ON "UserScope"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Supervisor" ADD CONSTRAINT "Supervisor_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Supervisor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_partySupervisorId_fkey" FOREIGN KEY ("partySupervisorId") REFERENCES "Supervisor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseClosure" ADD CONSTRAINT "EnterpriseClosure_ancestorId_fkey" FOREIGN KEY ("ancestorId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseClosure" ADD CONSTRAINT "EnterpriseClosure_descendantId_fkey" FOREIGN KEY ("descendantId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorDefinition" ADD CONSTRAINT "IndicatorDefinition_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerIndicatorTarget" ADD CONSTRAINT "LedgerIndicatorTarget_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerIndicatorTarget" ADD CONSTRAINT "LedgerIndicatorTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "IndicatorDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerStatusEvent" ADD CONSTRAINT "LedgerStatusEvent_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "ProgressEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ProgressEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ProgressEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "IndicatorDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ProgressEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRound" ADD CONSTRAINT "ReportingRound_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundFiling" ADD CONSTRAINT "RoundFiling_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReportingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundFiling" ADD CONSTRAINT "RoundFiling_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "SupervisionNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeItem" ADD CONSTRAINT "NoticeItem_ledgerItemId_fkey" FOREIGN KEY ("ledgerItemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "SupervisionNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCase" ADD CONSTRAINT "TypicalCase_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCaseTask" ADD CONSTRAINT "TypicalCaseTask_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "TypicalCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCaseTask" ADD CONSTRAINT "TypicalCaseTask_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCaseEnterprise" ADD CONSTRAINT "TypicalCaseEnterprise_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "TypicalCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypicalCaseEnterprise" ADD CONSTRAINT "TypicalCaseEnterprise_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserScope" ADD CONSTRAINT "UserScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserScope" ADD CONSTRAINT "UserScope_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Supervisor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserScope" ADD CONSTRAINT "UserScope_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written constraints the Prisma schema language cannot express.
ALTER TABLE "UserScope" ADD CONSTRAINT "UserScope_exactly_one_target"
  CHECK (num_nonnulls("supervisorId", "enterpriseId") = 1);
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_percent_range" CHECK ("percentDone" BETWEEN 0 AND 100);
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_percent_range" CHECK ("percentDone" BETWEEN 0 AND 100);
ALTER TABLE "Target" ADD CONSTRAINT "Target_rate_range" CHECK ("ratePercent" BETWEEN 0 AND 100);

-- The audit log and the status history are append-only: refuse updates and deletes outright.
-- Prisma's engine splits migration scripts at every semicolon, even inside a function body, so
-- the body writes its one semicolon as the escape \x3B.
CREATE FUNCTION reform_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME\x3B END';
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();
CREATE TRIGGER "LedgerStatusEvent_append_only" BEFORE UPDATE OR DELETE ON "LedgerStatusEvent"
  FOR EACH ROW EXECUTE FUNCTION reform_refuse_change();
