import { z } from "zod";
import { EntryDto, LedgerItemRow } from "@/lib/ledger/schemas";

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
