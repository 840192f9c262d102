-- AlterTable
ALTER TABLE "ProgressEntry" ADD COLUMN     "justification" TEXT;
