-- CreateTable
CREATE TABLE "RollupDay" (
    "programmeId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "isMain" BOOLEAN NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "pendingClaims" INTEGER NOT NULL DEFAULT 0,
    "weight" DECIMAL NOT NULL DEFAULT 0,
    "weightedPercent" DECIMAL NOT NULL DEFAULT 0,

    CONSTRAINT "RollupDay_pkey" PRIMARY KEY ("programmeId","day","supervisorId","categoryId","isMain")
);

-- CreateTable
CREATE TABLE "RollupMonth" (
    "programmeId" UUID NOT NULL,
    "supervisorId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "isMain" BOOLEAN NOT NULL,
    "month" DATE NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "pendingClaims" INTEGER NOT NULL DEFAULT 0,
    "weight" DECIMAL NOT NULL DEFAULT 0,
    "weightedPercent" DECIMAL NOT NULL DEFAULT 0,

    CONSTRAINT "RollupMonth_pkey" PRIMARY KEY ("programmeId","month","supervisorId","categoryId","isMain")
);
