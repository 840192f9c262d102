import { z } from "zod";
import { EntryDto, INDICATOR_UNITS, LedgerItemRow } from "@/lib/ledger/schemas";

/** One indicator on a queue card: this entry's value against the target and the previous value. */
export const ReviewIndicator = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.enum(INDICATOR_UNITS),
    direction: z.enum(["INCREASE", "DECREASE"]),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    value: z.number().nullable().meta({ description: "This entry's value (null: not reported)" }),
    previous: z.object({ value: z.number(), period: z.string() }).nullable().meta({
      description: "The value last reported before this entry (returned entries skipped)",
    }),
    standing: z.enum(["met", "notMet", "noValue", "noTarget"]),
    warnings: z.array(
      z.object({
        key: z.enum([
          "movesAway",
          "negative",
          "belowBaselineRatio",
          "aboveBaselineRatio",
          "jumpTooLarge",
        ]),
        values: z.record(z.string(), z.number()),
      }),
    ),
  })
  .meta({ id: "ReviewIndicator" });

export const ReviewQueueQuery = z
  .object({
    kind: z.enum(["PROGRESS", "NO_CHANGE", "COMPLETION_CLAIM"]).optional(),
    late: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true")),
    enterpriseId: z.uuid().optional().meta({ description: "This enterprise and its subsidiaries" }),
    cursor: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "ReviewQueueQuery" });
export type ReviewQueueFilter = z.output<typeof ReviewQueueQuery>;

export const ReviewQueueItem = z
  .object({
    entry: EntryDto,
    item: LedgerItemRow,
    /** What the caller can do now: confirm (group liaison, two-level chain) or approve (reviewer). */
    stage: z.enum(["confirm", "final"]),
    indicators: z.array(ReviewIndicator),
    previousEntry: z
      .object({ id: z.uuid(), period: z.string(), percentDone: z.number().int() })
      .nullable()
      .meta({ description: "The item's entry before this one (returned entries skipped)" }),
    percentChange: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Percent done, in points, since the previous entry" }),
  })
  .meta({ id: "ReviewQueueItem" });

export const ReviewQueuePage = z
  .object({
    items: z.array(ReviewQueueItem),
    nextCursor: z.uuid().nullable(),
    total: z.number().int(),
  })
  .meta({ id: "ReviewQueuePage" });

export const ReviewDecisionInput = z
  .object({
    decision: z.enum(["CONFIRM", "APPROVE", "RETURN"]),
    comment: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURN" && !v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "returnReasonRequired" });
  })
  .meta({ id: "ReviewDecisionInput" });
export type ReviewDecisionInput = z.input<typeof ReviewDecisionInput>;

export const ReviewResult = z
  .object({ entry: EntryDto, item: LedgerItemRow })
  .meta({ id: "ReviewResult" });
export const EntryParams = z.object({ id: z.uuid() });

export const BatchDecisionInput = z
  .object({
    entryIds: z.array(z.uuid()).min(1).max(100),
    decision: z.enum(["APPROVE", "CONFIRM"]),
  })
  .meta({ id: "BatchDecisionInput" });

export const BatchDecisionResult = z
  .object({
    results: z.array(
      z.object({
        id: z.uuid(),
        ok: z.boolean(),
        error: z
          .enum(["not_found", "forbidden", "conflict", "validation_failed", "internal"])
          .optional()
          .meta({ description: "Why this entry was not decided (the others still were)" }),
      }),
    ),
  })
  .meta({ id: "BatchDecisionResult" });
