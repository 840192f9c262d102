-- AlterTable
ALTER TABLE "NoticeItem" ADD COLUMN     "repliedAt" TIMESTAMP(3);

-- Back-fill: an item's part is answered when its group replied since the notice last escalated,
-- or when the whole notice is already replied (replies that could not be attributed).
UPDATE "NoticeItem" ni
SET "repliedAt" = sub."at"
FROM (
  SELECT ni2."noticeId", ni2."ledgerItemId", max(r."createdAt") AS "at"
  FROM "NoticeItem" ni2
  JOIN "SupervisionNotice" n ON n."id" = ni2."noticeId"
  JOIN "LedgerItem" li ON li."id" = ni2."ledgerItemId"
  JOIN "Enterprise" e ON e."id" = li."enterpriseId"
  JOIN "NoticeReply" r ON r."noticeId" = ni2."noticeId"
   AND (r."rootId" = COALESCE(e."rootId", e."id") OR (r."rootId" IS NULL AND n."status" = 'REPLIED'))
   AND r."createdAt" > COALESCE(n."escalatedAt", TIMESTAMP '1970-01-01')
  GROUP BY ni2."noticeId", ni2."ledgerItemId"
) sub
WHERE ni."noticeId" = sub."noticeId" AND ni."ledgerItemId" = sub."ledgerItemId";

UPDATE "NoticeItem" ni
SET "repliedAt" = n."createdAt"
FROM "SupervisionNotice" n
WHERE n."id" = ni."noticeId" AND n."status" = 'REPLIED' AND ni."repliedAt" IS NULL;
