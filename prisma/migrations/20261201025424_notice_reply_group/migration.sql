-- AlterTable
ALTER TABLE "NoticeReply" ADD COLUMN     "rootId" UUID;

-- Existing replies: the group of the notice's items the author's grants cover (a liaison's own
-- group), else the notice's only group. Replies that match neither stay unattributed.
UPDATE "NoticeReply" r SET "rootId" = g."rootId"
FROM (
  SELECT DISTINCT ON (r2."id") r2."id", COALESCE(e."rootId", e."id") AS "rootId"
  FROM "NoticeReply" r2
  JOIN "NoticeItem" ni ON ni."noticeId" = r2."noticeId"
  JOIN "LedgerItem" li ON li."id" = ni."ledgerItemId"
  JOIN "Enterprise" e ON e."id" = li."enterpriseId"
  JOIN "EnterpriseClosure" c ON c."descendantId" = e."id"
  JOIN "UserScope" us ON us."userId" = r2."authorId" AND us."enterpriseId" = c."ancestorId"
  ORDER BY r2."id", COALESCE(e."rootId", e."id")
) g
WHERE r."id" = g."id";

UPDATE "NoticeReply" r SET "rootId" = g."rootId"
FROM (
  SELECT ni."noticeId", min(COALESCE(e."rootId", e."id")::text)::uuid AS "rootId"
  FROM "NoticeItem" ni
  JOIN "LedgerItem" li ON li."id" = ni."ledgerItemId"
  JOIN "Enterprise" e ON e."id" = li."enterpriseId"
  GROUP BY ni."noticeId"
  HAVING count(DISTINCT COALESCE(e."rootId", e."id")) = 1
) g
WHERE r."noticeId" = g."noticeId" AND r."rootId" IS NULL;
