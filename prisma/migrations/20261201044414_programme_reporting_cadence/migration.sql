-- CreateEnum
CREATE TYPE "ReportingCadence" AS ENUM ('MONTH', 'QUARTER');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "reportingCadence" "ReportingCadence" NOT NULL DEFAULT 'MONTH';
