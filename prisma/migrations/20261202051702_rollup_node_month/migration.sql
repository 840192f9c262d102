-- CreateTable
CREATE TABLE "RollupNodeMonth" (
    "programmeId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupNodeMonth_pkey" PRIMARY KEY ("programmeId","enterpriseId","month")
);
