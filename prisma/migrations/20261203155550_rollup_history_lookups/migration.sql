-- Roll-up write functions, generated from lib/dashboard/rollup (rollupFunctions)
DROP FUNCTION IF EXISTS rollup_stream(p_day date, p_ids uuid[]);
DROP FUNCTION IF EXISTS rollup_apply(p_day date, p_ids uuid[], p_minus jsonb);
DROP FUNCTION IF EXISTS rollup_indicator_stream(p_day date, p_ids uuid[]);
DROP FUNCTION IF EXISTS rollup_indicator_apply(p_day date, p_ids uuid[], p_minus jsonb);

CREATE FUNCTION rollup_stream(p_day date, p_ids uuid[])
RETURNS TABLE ("programmeId" text, "supervisorId" text, "categoryId" text, "isMain" boolean,
  "day" text, "total" int, "completed" int, "pendingClaims" int, "weight" text,
  "weightedPercent" text, "red" int, "yellow" int, "nodeId" text, "groupId" text)
  LANGUAGE sql STABLE SET plan_cache_mode = force_generic_plan
AS $rollup$
    WITH s AS (
      SELECT li."id", li."programmeId", li."enterpriseId", li."createdAt", li."completedAt",
             li."dueDate", pg."startDate", pg."behindPlanPoints", p_day AS "d0"
      FROM "LedgerItem" li JOIN "Programme" pg ON pg."id" = li."programmeId"
      WHERE li."id" = ANY(p_ids)
    ), u AS (
      SELECT DISTINCT s."id", s."programmeId", x."day"
      FROM s CROSS JOIN LATERAL (
        SELECT s."d0" AS "day"
        UNION ALL SELECT (s."createdAt" + interval '8 hours')::date
        UNION ALL SELECT (s."completedAt" + interval '8 hours')::date WHERE s."completedAt" IS NOT NULL
        UNION ALL SELECT (pe."createdAt" + interval '8 hours')::date FROM "ProgressEntry" pe
          WHERE pe."ledgerItemId" = s."id" AND pe."createdAt" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL SELECT (ev."at" + interval '8 hours')::date FROM "LedgerStatusEvent" ev
          WHERE ev."ledgerItemId" = s."id" AND ev."at" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "LedgerItemSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."ledgerItemId" = s."id" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "LedgerItemFormerEnterprise" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."ledgerItemId" = s."id" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseSupervisorSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."enterpriseId" = s."enterpriseId" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseSupervisorSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."enterpriseId" = ANY(ARRAY(SELECT fe."enterpriseId" FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = s."id")) AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseClosureSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."descendantId" = s."enterpriseId" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseClosureSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."descendantId" = ANY(ARRAY(SELECT fe."enterpriseId" FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = s."id")) AND v."t" IS NOT NULL
        UNION ALL SELECT s."dueDate" + 1
        UNION ALL SELECT k."day" FROM (
          SELECT (CASE WHEN (s."dueDate" - s."startDate") > 0 AND (q."p" + s."behindPlanPoints") < 100 THEN
      CASE WHEN floor(((((s."startDate" + ceil(((q."p" + s."behindPlanPoints") + 0.5) * (s."dueDate" - s."startDate") / 100.0)::int) - 1) - s."startDate")::float8 / (s."dueDate" - s."startDate")::float8) * 100 + 0.5) > (q."p" + s."behindPlanPoints") THEN (s."startDate" + ceil(((q."p" + s."behindPlanPoints") + 0.5) * (s."dueDate" - s."startDate") / 100.0)::int) - 1
           WHEN floor((((s."startDate" + ceil(((q."p" + s."behindPlanPoints") + 0.5) * (s."dueDate" - s."startDate") / 100.0)::int) - s."startDate")::float8 / (s."dueDate" - s."startDate")::float8) * 100 + 0.5) > (q."p" + s."behindPlanPoints") THEN (s."startDate" + ceil(((q."p" + s."behindPlanPoints") + 0.5) * (s."dueDate" - s."startDate") / 100.0)::int) ELSE (s."startDate" + ceil(((q."p" + s."behindPlanPoints") + 0.5) * (s."dueDate" - s."startDate") / 100.0)::int) + 1 END END) FROM (SELECT 0
          UNION SELECT (SELECT pe."percentDone" FROM "ProgressEntry" pe
            WHERE pe."ledgerItemId" = s."id" AND pe."createdAt" < s."d0"::timestamp - interval '8 hours'
            ORDER BY pe."createdAt" DESC LIMIT 1)
          UNION SELECT (SELECT ev."percentDone" FROM "LedgerStatusEvent" ev
            WHERE ev."ledgerItemId" = s."id" AND ev."at" < s."d0"::timestamp - interval '8 hours'
            ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1)
          UNION SELECT pe."percentDone" FROM "ProgressEntry" pe
            WHERE pe."ledgerItemId" = s."id" AND pe."createdAt" >= s."d0"::timestamp - interval '8 hours'
          UNION SELECT ev."percentDone" FROM "LedgerStatusEvent" ev
            WHERE ev."ledgerItemId" = s."id" AND ev."at" >= s."d0"::timestamp - interval '8 hours') q("p")
          UNION ALL
          SELECT (r."closedAt" + interval '8 hours')::date FROM "ReportingRound" r
          WHERE r."programmeId" = s."programmeId" AND r."status" = 'CLOSED'
        ) k("day")
        WHERE (k."day" >= (s."createdAt" + interval '8 hours')::date AND k."day" <= s."dueDate"
    AND (s."completedAt" IS NULL OR k."day" <= (s."completedAt" + interval '8 hours')::date))
      ) x WHERE x."day" >= s."d0"
    ), c AS (
    SELECT u."programmeId", u."day", k."sign", p."supervisorId", p."categoryId",
           p."isMain", p."completed", p."claimPending", p."percentDone", p."weight",
           p."enterpriseId", p."colour", ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AS "at"
    FROM u CROSS JOIN (VALUES (1, 0), (-1, 1)) k("sign", "back")
    CROSS JOIN LATERAL (
    SELECT p.*, (SELECT max(r."periodStart") FROM "ReportingRound" r
      WHERE r."programmeId" = u."programmeId" AND r."status" = 'CLOSED' AND r."closedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) AS "lastRoundStart", (CASE
        WHEN p."notApplicable" THEN NULL
        WHEN p."completed" THEN NULL
        WHEN p."dueDate" < (u."day" - k."back") THEN 'red'
        WHEN p."percentDone" < (CASE WHEN p."dueDate" - pg."startDate" <= 0 THEN 100
              ELSE GREATEST(0, LEAST(100, floor(
                (((u."day" - k."back") - pg."startDate")::float8 / (p."dueDate" - pg."startDate")::float8) * 100 + 0.5)))
              END) - pg."behindPlanPoints" THEN 'yellow'
        WHEN (SELECT max(r."periodStart") FROM "ReportingRound" r
      WHERE r."programmeId" = u."programmeId" AND r."status" = 'CLOSED' AND r."closedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) IS NOT NULL AND NOT p."claimPending"
             AND COALESCE(p."lastEntryAt" < (SELECT max(r."periodStart") FROM "ReportingRound" r
      WHERE r."programmeId" = u."programmeId" AND r."status" = 'CLOSED' AND r."closedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond'))::timestamp, TRUE) THEN 'yellow'
        WHEN p."dueDate" - (u."day" - k."back") <= pg."dueSoonDays" THEN NULL
        ELSE NULL
      END) AS "colour"
    FROM (
    SELECT li."id" AS "itemId", li."taskId", s."categoryId",
           COALESCE(fe."enterpriseId", li."enterpriseId") AS "enterpriseId",
           ss."supervisorId", s."isMain", s."notApplicable",
           (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) AS "completed",
           (CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 'COMPLETED'::"LedgerStatus" ELSE COALESCE((
      SELECT ev."toStatus" FROM "LedgerStatusEvent" ev
      WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1), 'NOT_STARTED'::"LedgerStatus") END = 'COMPLETION_CLAIMED') AS "claimPending",
           CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 100 ELSE COALESCE((
             SELECT x."p" FROM (
               (SELECT ev."percentDone" AS "p", ev."at" AS "t", 1 AS "k" FROM "LedgerStatusEvent" ev
                WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
                ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1)
               UNION ALL
               (SELECT pe."percentDone", pe."createdAt", 0 FROM "ProgressEntry" pe
                WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
                ORDER BY pe."createdAt" DESC LIMIT 1)
             ) x ORDER BY x."t" DESC, x."k" DESC LIMIT 1), 0) END AS "percentDone",
           t."weight", li."dueDate", CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 'COMPLETED'::"LedgerStatus" ELSE COALESCE((
      SELECT ev."toStatus" FROM "LedgerStatusEvent" ev
      WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1), 'NOT_STARTED'::"LedgerStatus") END AS "status", (SELECT max(pe."createdAt") FROM "ProgressEntry" pe
      WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) AS "lastEntryAt"
    FROM "LedgerItem" li
    LEFT JOIN "LedgerItemFormerEnterprise" fe
      ON fe."ledgerItemId" = li."id" AND fe."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND fe."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
    JOIN "LedgerItemSpan" s ON s."ledgerItemId" = li."id" AND (s."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND (s."validTo" IS NULL OR s."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')))
    JOIN "EnterpriseSupervisorSpan" ss
      ON ss."enterpriseId" = COALESCE(fe."enterpriseId", li."enterpriseId") AND (ss."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND (ss."validTo" IS NULL OR ss."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')))
    LEFT JOIN "Task" t ON t."id" = li."taskId"
    
    WHERE li."programmeId" = u."programmeId" AND li."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      AND li."id" = u."id"
      
      
  ) p
    CROSS JOIN (SELECT "startDate", "behindPlanPoints", "dueSoonDays" FROM "Programme" WHERE "id" = u."programmeId") pg
  ) p
    WHERE NOT p."notApplicable")
    SELECT c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           c."categoryId"::text AS "categoryId", c."isMain", c."day"::text AS "day",
           sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END)::int AS "pendingClaims",
           sum(c."sign" * c."weight")::text AS "weight",
           sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END)::text
             AS "weightedPercent",
           sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END)::int AS "red",
           sum(CASE WHEN c."colour" = 'yellow' THEN c."sign" ELSE 0 END)::int AS "yellow", NULL::text AS "nodeId",
           NULL::text AS "groupId"
    FROM c
    GROUP BY c."programmeId", c."supervisorId", c."categoryId", c."isMain", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END) <> 0
        OR sum(c."sign" * c."weight") <> 0
        OR sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END) <> 0
        OR sum(CASE WHEN c."colour" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END) <> 0
    UNION ALL
    SELECT c."programmeId"::text AS "programmeId",
           NULL::text AS "supervisorId", NULL::text AS "categoryId", true AS "isMain",
           c."day"::text AS "day", sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           0 AS "pendingClaims", '0' AS "weight", '0' AS "weightedPercent", 0 AS "red",
           0 AS "yellow", ns."ancestorId"::text AS "nodeId", NULL::text AS "groupId"
    FROM c JOIN "EnterpriseClosureSpan" ns
      ON ns."descendantId" = c."enterpriseId" AND (ns."validFrom" <= c."at" AND (ns."validTo" IS NULL OR ns."validTo" > c."at"))
    WHERE c."isMain"
    GROUP BY c."programmeId", ns."ancestorId", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
    UNION ALL
    SELECT c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           NULL::text AS "categoryId", c."isMain", c."day"::text AS "day",
           sum(c."sign")::int AS "total",
           sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END)::int AS "completed",
           sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END)::int AS "pendingClaims",
           sum(c."sign" * c."weight")::text AS "weight",
           sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END)::text
             AS "weightedPercent",
           sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END)::int AS "red",
           sum(CASE WHEN c."colour" = 'yellow' THEN c."sign" ELSE 0 END)::int AS "yellow", NULL::text AS "nodeId",
           g."groupId"::text AS "groupId"
    FROM c CROSS JOIN LATERAL (
      SELECT (SELECT gs."ancestorId" FROM "EnterpriseClosureSpan" gs
      WHERE gs."descendantId" = c."enterpriseId" AND (gs."validFrom" <= c."at" AND (gs."validTo" IS NULL OR gs."validTo" > c."at"))
      ORDER BY gs."depth" DESC LIMIT 1) AS "groupId") g
    WHERE c."isMain"
    GROUP BY c."programmeId", c."supervisorId", g."groupId", c."isMain", c."day"
    HAVING sum(c."sign") <> 0 OR sum(CASE WHEN c."completed" THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."claimPending" THEN c."sign" ELSE 0 END) <> 0
        OR sum(c."sign" * c."weight") <> 0
        OR sum(c."sign" * c."weight" * CASE WHEN c."completed" THEN 100 ELSE c."percentDone" END) <> 0
        OR sum(CASE WHEN c."colour" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0
        OR sum(CASE WHEN c."colour" = 'red' THEN c."sign" ELSE 0 END) <> 0$rollup$;

CREATE FUNCTION rollup_apply(p_day date, p_ids uuid[], p_minus jsonb)
RETURNS void LANGUAGE sql VOLATILE SET plan_cache_mode = force_generic_plan
AS $rollup$
    WITH st AS (SELECT * FROM rollup_stream(p_day, p_ids)), m AS (
      SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
             "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", -"total" AS "total",
             -"completed" AS "completed", -"pendingClaims" AS "pendingClaims",
             -("weight"::numeric) AS "weight", -("weightedPercent"::numeric) AS "weightedPercent",
             -"red" AS "red", -"yellow" AS "yellow", "nodeId"::uuid AS "nodeId",
             "groupId"::uuid AS "groupId"
      FROM jsonb_to_recordset(p_minus) AS r("programmeId" text,
        "supervisorId" text, "categoryId" text, "isMain" boolean, "day" text, "total" int,
        "completed" int, "pendingClaims" int, "weight" text, "weightedPercent" text, "red" int,
        "yellow" int, "nodeId" text, "groupId" text)
    ), g AS (
      SELECT "programmeId", "supervisorId", "categoryId", "isMain", "nodeId", "groupId", "day", sum("total")::int AS "total", sum("completed")::int AS "completed",
    sum("pendingClaims")::int AS "pendingClaims", sum("weight") AS "weight",
    sum("weightedPercent") AS "weightedPercent", sum("red")::int AS "red",
    sum("yellow")::int AS "yellow" FROM (
        SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
               "categoryId"::uuid AS "categoryId", "isMain", "day"::date AS "day", "total",
               "completed", "pendingClaims", "weight"::numeric AS "weight",
               "weightedPercent"::numeric AS "weightedPercent", "red", "yellow",
               "nodeId"::uuid AS "nodeId", "groupId"::uuid AS "groupId" FROM st
        UNION ALL SELECT * FROM m) x
      GROUP BY "programmeId", "supervisorId", "categoryId", "isMain", "nodeId", "groupId", "day"
      HAVING sum("total") <> 0 OR sum("completed") <> 0 OR sum("pendingClaims") <> 0
          OR sum("weight") <> 0 OR sum("weightedPercent") <> 0 OR sum("red") <> 0
          OR sum("yellow") <> 0
    ), d AS (
      INSERT INTO "RollupDay" ("programmeId", "supervisorId", "categoryId", "isMain", "day", "total", "completed", "pendingClaims", "weight",
        "weightedPercent", "red", "yellow")
      SELECT "programmeId", "supervisorId", "categoryId", "isMain", "day", "total", "completed", "pendingClaims", "weight", "weightedPercent",
             "red", "yellow" FROM g
      WHERE "nodeId" IS NULL AND "groupId" IS NULL
      ORDER BY "programmeId", "supervisorId", "categoryId", "isMain", "day"
      ON CONFLICT ("programmeId", "day", "supervisorId", "categoryId", "isMain")
    DO UPDATE SET "total" = "RollupDay"."total" + EXCLUDED."total",
      "completed" = "RollupDay"."completed" + EXCLUDED."completed",
      "pendingClaims" = "RollupDay"."pendingClaims" + EXCLUDED."pendingClaims",
      "weight" = "RollupDay"."weight" + EXCLUDED."weight",
      "weightedPercent" = "RollupDay"."weightedPercent" + EXCLUDED."weightedPercent",
      "red" = "RollupDay"."red" + EXCLUDED."red", "yellow" = "RollupDay"."yellow" + EXCLUDED."yellow"
    ), n AS (
      INSERT INTO "RollupNodeMonth" ("programmeId", "enterpriseId", "month", "total", "completed")
      SELECT "programmeId", "nodeId", date_trunc('month', "day")::date, sum("total")::int,
             sum("completed")::int
      FROM g WHERE "nodeId" IS NOT NULL
      GROUP BY 1, 2, 3 HAVING sum("total") <> 0 OR sum("completed") <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("programmeId", "enterpriseId", "month")
      DO UPDATE SET "total" = "RollupNodeMonth"."total" + EXCLUDED."total",
        "completed" = "RollupNodeMonth"."completed" + EXCLUDED."completed"
    ), gd AS (
      INSERT INTO "RollupGroupDay" ("programmeId", "supervisorId", "groupId", "day", "total", "completed", "weight", "weightedPercent", "red", "yellow")
      SELECT "programmeId", "supervisorId", "groupId", "day", "total", "completed", "weight", "weightedPercent", "red", "yellow" FROM g
      WHERE "groupId" IS NOT NULL
      ORDER BY "programmeId", "supervisorId", "groupId", "day"
      ON CONFLICT ("programmeId", "supervisorId", "day", "groupId")
    DO UPDATE SET "total" = "RollupGroupDay"."total" + EXCLUDED."total", "completed" = "RollupGroupDay"."completed" + EXCLUDED."completed", "weight" = "RollupGroupDay"."weight" + EXCLUDED."weight", "weightedPercent" = "RollupGroupDay"."weightedPercent" + EXCLUDED."weightedPercent", "red" = "RollupGroupDay"."red" + EXCLUDED."red", "yellow" = "RollupGroupDay"."yellow" + EXCLUDED."yellow"
    ), gm AS (
      INSERT INTO "RollupGroupMonth" ("programmeId", "supervisorId", "groupId", "month", "total", "completed", "weight", "weightedPercent", "red", "yellow")
      SELECT "programmeId", "supervisorId", "groupId", date_trunc('month', "day")::date, sum("total")::int,
             sum("completed")::int, sum("weight"), sum("weightedPercent"), sum("red")::int,
             sum("yellow")::int
      FROM g WHERE "groupId" IS NOT NULL
      GROUP BY "programmeId", "supervisorId", "groupId", 4 ORDER BY "programmeId", "supervisorId", "groupId", 4
      ON CONFLICT ("programmeId", "supervisorId", "month", "groupId")
    DO UPDATE SET "total" = "RollupGroupMonth"."total" + EXCLUDED."total", "completed" = "RollupGroupMonth"."completed" + EXCLUDED."completed", "weight" = "RollupGroupMonth"."weight" + EXCLUDED."weight", "weightedPercent" = "RollupGroupMonth"."weightedPercent" + EXCLUDED."weightedPercent", "red" = "RollupGroupMonth"."red" + EXCLUDED."red", "yellow" = "RollupGroupMonth"."yellow" + EXCLUDED."yellow"
    )
    INSERT INTO "RollupMonth" ("programmeId", "supervisorId", "categoryId", "isMain", "month", "total", "completed", "pendingClaims", "weight",
      "weightedPercent", "red", "yellow")
    SELECT "programmeId", "supervisorId", "categoryId", "isMain", date_trunc('month', "day")::date AS "month", sum("total")::int AS "total", sum("completed")::int AS "completed",
    sum("pendingClaims")::int AS "pendingClaims", sum("weight") AS "weight",
    sum("weightedPercent") AS "weightedPercent", sum("red")::int AS "red",
    sum("yellow")::int AS "yellow" FROM g
    WHERE "nodeId" IS NULL AND "groupId" IS NULL
    GROUP BY "programmeId", "supervisorId", "categoryId", "isMain", 5 ORDER BY "programmeId", "supervisorId", "categoryId", "isMain", 5
    ON CONFLICT ("programmeId", "month", "supervisorId", "categoryId", "isMain")
    DO UPDATE SET "total" = "RollupMonth"."total" + EXCLUDED."total",
      "completed" = "RollupMonth"."completed" + EXCLUDED."completed",
      "pendingClaims" = "RollupMonth"."pendingClaims" + EXCLUDED."pendingClaims",
      "weight" = "RollupMonth"."weight" + EXCLUDED."weight",
      "weightedPercent" = "RollupMonth"."weightedPercent" + EXCLUDED."weightedPercent",
      "red" = "RollupMonth"."red" + EXCLUDED."red", "yellow" = "RollupMonth"."yellow" + EXCLUDED."yellow"$rollup$;

CREATE FUNCTION rollup_indicator_stream(p_day date, p_ids uuid[])
RETURNS TABLE ("programmeId" text, "supervisorId" text, "indicatorId" text, "day" text,
  "items" int, "actual" text, "ownBaseline" text, "ownBaselines" int, "ownTarget" text,
  "ownTargets" int) LANGUAGE sql STABLE SET plan_cache_mode = force_generic_plan
AS $rollup$
    WITH s AS (
      SELECT li."id", li."programmeId", li."enterpriseId", li."createdAt", p_day AS "d0"
      FROM "LedgerItem" li
      WHERE li."id" = ANY(p_ids)
        AND EXISTS (SELECT 1 FROM "IndicatorDefinition" idf WHERE idf."taskId" = li."taskId")
    ), u AS (
      SELECT DISTINCT s."id", s."programmeId", x."day"
      FROM s CROSS JOIN LATERAL (
        SELECT s."d0" AS "day"
        UNION ALL SELECT (s."createdAt" + interval '8 hours')::date
        UNION ALL SELECT (iv."createdAt" + interval '8 hours')::date FROM "IndicatorValue" iv
          WHERE iv."ledgerItemId" = s."id" AND iv."createdAt" >= s."d0"::timestamp - interval '8 hours'
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "LedgerItemSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."ledgerItemId" = s."id" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "LedgerItemFormerEnterprise" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."ledgerItemId" = s."id" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseSupervisorSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."enterpriseId" = s."enterpriseId" AND v."t" IS NOT NULL
        UNION ALL SELECT (v."t" + interval '8 hours')::date FROM "EnterpriseSupervisorSpan" x
    CROSS JOIN LATERAL (VALUES (x."validFrom"), (x."validTo")) v("t")
    WHERE x."enterpriseId" = ANY(ARRAY(SELECT fe."enterpriseId"
    FROM "LedgerItemFormerEnterprise" fe WHERE fe."ledgerItemId" = s."id")) AND v."t" IS NOT NULL
      ) x WHERE x."day" >= s."d0"
    ), c AS (
      SELECT u."programmeId", u."day", k."sign", p."supervisorId", p."itemId", p."taskId",
             ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AS "at"
      FROM u CROSS JOIN (VALUES (1, 0), (-1, 1)) k("sign", "back")
      CROSS JOIN LATERAL (
    SELECT li."id" AS "itemId", li."taskId", s."categoryId",
           COALESCE(fe."enterpriseId", li."enterpriseId") AS "enterpriseId",
           ss."supervisorId", s."isMain", s."notApplicable",
           (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) AS "completed",
           (CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 'COMPLETED'::"LedgerStatus" ELSE COALESCE((
      SELECT ev."toStatus" FROM "LedgerStatusEvent" ev
      WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1), 'NOT_STARTED'::"LedgerStatus") END = 'COMPLETION_CLAIMED') AS "claimPending",
           CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 100 ELSE COALESCE((
             SELECT x."p" FROM (
               (SELECT ev."percentDone" AS "p", ev."at" AS "t", 1 AS "k" FROM "LedgerStatusEvent" ev
                WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
                ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1)
               UNION ALL
               (SELECT pe."percentDone", pe."createdAt", 0 FROM "ProgressEntry" pe
                WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
                ORDER BY pe."createdAt" DESC LIMIT 1)
             ) x ORDER BY x."t" DESC, x."k" DESC LIMIT 1), 0) END AS "percentDone",
           t."weight", li."dueDate", CASE WHEN (li."completedAt" IS NOT NULL AND li."completedAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) THEN 'COMPLETED'::"LedgerStatus" ELSE COALESCE((
      SELECT ev."toStatus" FROM "LedgerStatusEvent" ev
      WHERE ev."ledgerItemId" = li."id" AND ev."at" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      ORDER BY ev."at" DESC, ev."id" DESC LIMIT 1), 'NOT_STARTED'::"LedgerStatus") END AS "status", (SELECT max(pe."createdAt") FROM "ProgressEntry" pe
      WHERE pe."ledgerItemId" = li."id" AND pe."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')) AS "lastEntryAt"
    FROM "LedgerItem" li
    LEFT JOIN "LedgerItemFormerEnterprise" fe
      ON fe."ledgerItemId" = li."id" AND fe."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND fe."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
    JOIN "LedgerItemSpan" s ON s."ledgerItemId" = li."id" AND (s."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND (s."validTo" IS NULL OR s."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')))
    JOIN "EnterpriseSupervisorSpan" ss
      ON ss."enterpriseId" = COALESCE(fe."enterpriseId", li."enterpriseId") AND (ss."validFrom" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond') AND (ss."validTo" IS NULL OR ss."validTo" > ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')))
    LEFT JOIN "Task" t ON t."id" = li."taskId"
    
    WHERE li."programmeId" = u."programmeId" AND li."createdAt" <= ((u."day" - k."back")::timestamp + interval '16 hours' - interval '1 millisecond')
      AND li."id" = u."id"
      
      
  ) p
      WHERE NOT p."notApplicable"
    )
    SELECT c."programmeId"::text AS "programmeId", c."supervisorId"::text AS "supervisorId",
           idf."id"::text AS "indicatorId", c."day"::text AS "day", sum(c."sign")::int AS "items",
           sum(c."sign" * v."value")::text AS "actual",
           COALESCE(sum(c."sign" * lit."baseline"), 0)::text AS "ownBaseline",
           sum(CASE WHEN lit."baseline" IS NOT NULL THEN c."sign" ELSE 0 END)::int AS "ownBaselines",
           COALESCE(sum(c."sign" * lit."target"), 0)::text AS "ownTarget",
           sum(CASE WHEN lit."target" IS NOT NULL THEN c."sign" ELSE 0 END)::int AS "ownTargets"
    FROM c
    JOIN "IndicatorDefinition" idf ON idf."taskId" = c."taskId"
    JOIN LATERAL (
      SELECT iv."value" FROM "IndicatorValue" iv
      WHERE iv."ledgerItemId" = c."itemId" AND iv."indicatorId" = idf."id"
        AND NOT iv."returned" AND iv."createdAt" <= c."at"
      ORDER BY iv."createdAt" DESC, iv."entryId" DESC
      LIMIT 1
    ) v ON TRUE
    LEFT JOIN "LedgerIndicatorTarget" lit
      ON lit."ledgerItemId" = c."itemId" AND lit."indicatorId" = idf."id"
    GROUP BY c."programmeId", c."supervisorId", idf."id", c."day"
    HAVING sum(c."sign") <> 0 OR sum(c."sign" * v."value") <> 0
        OR COALESCE(sum(c."sign" * lit."baseline"), 0) <> 0
        OR sum(CASE WHEN lit."baseline" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0
        OR COALESCE(sum(c."sign" * lit."target"), 0) <> 0
        OR sum(CASE WHEN lit."target" IS NOT NULL THEN c."sign" ELSE 0 END) <> 0$rollup$;

CREATE FUNCTION rollup_indicator_apply(p_day date, p_ids uuid[], p_minus jsonb)
RETURNS void LANGUAGE sql VOLATILE SET plan_cache_mode = force_generic_plan
AS $rollup$
    WITH st AS (SELECT * FROM rollup_indicator_stream(p_day, p_ids)), x AS (
      SELECT "programmeId"::uuid AS "programmeId", "supervisorId"::uuid AS "supervisorId",
             "indicatorId"::uuid AS "indicatorId", "day"::date AS "day", "items",
             "actual"::numeric AS "actual", "ownBaseline"::numeric AS "ownBaseline",
             "ownBaselines", "ownTarget"::numeric AS "ownTarget", "ownTargets" FROM st
      UNION ALL
      SELECT "programmeId"::uuid, "supervisorId"::uuid, "indicatorId"::uuid, "day"::date,
             -"items", -("actual"::numeric), -("ownBaseline"::numeric), -"ownBaselines",
             -("ownTarget"::numeric), -"ownTargets"
      FROM jsonb_to_recordset(p_minus) AS r("programmeId" text, "supervisorId" text,
        "indicatorId" text, "day" text, "items" int, "actual" text, "ownBaseline" text,
        "ownBaselines" int, "ownTarget" text, "ownTargets" int)
    ), g AS (
      SELECT "programmeId", "supervisorId", "indicatorId", "day", sum("items")::int AS "items", sum("actual") AS "actual", sum("ownBaseline") AS "ownBaseline", sum("ownBaselines")::int AS "ownBaselines", sum("ownTarget") AS "ownTarget", sum("ownTargets")::int AS "ownTargets" FROM x
      GROUP BY "programmeId", "supervisorId", "indicatorId", "day"
      HAVING sum("items") <> 0 OR sum("actual") <> 0 OR sum("ownBaseline") <> 0 OR sum("ownBaselines") <> 0 OR sum("ownTarget") <> 0 OR sum("ownTargets") <> 0
    ), d AS (
      INSERT INTO "RollupIndicatorDay" ("programmeId", "supervisorId", "indicatorId", "day", "items", "actual", "ownBaseline", "ownBaselines", "ownTarget", "ownTargets")
      SELECT "programmeId", "supervisorId", "indicatorId", "day", "items", "actual", "ownBaseline", "ownBaselines", "ownTarget", "ownTargets" FROM g ORDER BY "programmeId", "supervisorId", "indicatorId", "day"
      ON CONFLICT ("programmeId", "day", "supervisorId", "indicatorId")
    DO UPDATE SET "items" = "RollupIndicatorDay"."items" + EXCLUDED."items", "actual" = "RollupIndicatorDay"."actual" + EXCLUDED."actual", "ownBaseline" = "RollupIndicatorDay"."ownBaseline" + EXCLUDED."ownBaseline", "ownBaselines" = "RollupIndicatorDay"."ownBaselines" + EXCLUDED."ownBaselines", "ownTarget" = "RollupIndicatorDay"."ownTarget" + EXCLUDED."ownTarget", "ownTargets" = "RollupIndicatorDay"."ownTargets" + EXCLUDED."ownTargets"
    )
    INSERT INTO "RollupIndicatorMonth" ("programmeId", "supervisorId", "indicatorId", "month", "items", "actual", "ownBaseline", "ownBaselines", "ownTarget", "ownTargets")
    SELECT "programmeId", "supervisorId", "indicatorId", date_trunc('month', "day")::date AS "month", sum("items")::int AS "items", sum("actual") AS "actual", sum("ownBaseline") AS "ownBaseline", sum("ownBaselines")::int AS "ownBaselines", sum("ownTarget") AS "ownTarget", sum("ownTargets")::int AS "ownTargets" FROM g
    GROUP BY "programmeId", "supervisorId", "indicatorId", 4 ORDER BY "programmeId", "supervisorId", "indicatorId", 4
    ON CONFLICT ("programmeId", "month", "supervisorId", "indicatorId")
    DO UPDATE SET "items" = "RollupIndicatorMonth"."items" + EXCLUDED."items", "actual" = "RollupIndicatorMonth"."actual" + EXCLUDED."actual", "ownBaseline" = "RollupIndicatorMonth"."ownBaseline" + EXCLUDED."ownBaseline", "ownBaselines" = "RollupIndicatorMonth"."ownBaselines" + EXCLUDED."ownBaselines", "ownTarget" = "RollupIndicatorMonth"."ownTarget" + EXCLUDED."ownTarget", "ownTargets" = "RollupIndicatorMonth"."ownTargets" + EXCLUDED."ownTargets"$rollup$;
