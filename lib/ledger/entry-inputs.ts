import { z } from "zod";
import { JUSTIFICATION_MIN, justificationMissing, type IndicatorSpec } from "./indicator-check";

/**
 * What a liaison sends: progress entries and completion claims, shared by the entry form, the
 * API and the use cases (client-safe). Re-exported by ./schemas.
 */

const MAX_NARRATIVE = 5000;

const WarningsConfirmed = z.boolean().optional().meta({
  description:
    "Confirms the indicator warnings (lib/ledger/indicator-check.ts); else they are a 422",
});

export const LinkInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => /^https?:\/\/\S+$/i.test(v), { message: "url" }),
  title: z.string().trim().max(200).optional(),
});

export const RecordProgressInput = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .meta({ description: "The item's version the user saw (optimistic lock)" }),
    period: z
      .string()
      .trim()
      .refine((v) => /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(v), { message: "period" }),
    narrative: z.string().trim().min(1).max(MAX_NARRATIVE),
    percentDone: z.number().int().min(0).max(100),
    status: z.enum(["NOT_STARTED", "IN_PROGRESS"]).default("IN_PROGRESS"),
    indicatorValues: z
      .array(
        z.object({
          indicatorId: z.uuid(),
          // A string, so that "12a" is reported as not a number rather than as a type error.
          value: z
            .union([z.number(), z.string().trim()])
            .refine((v) => v !== "" && Number.isFinite(Number(v)), {
              message: "notANumber",
            }),
        }),
      )
      .max(50)
      .default([]),
    evidenceIds: z.array(z.uuid()).max(20).default([]),
    links: z.array(LinkInput).max(10).default([]),
    correctsId: z.uuid().optional().meta({ description: "The entry this one corrects" }),
    indicatorWarningsConfirmed: WarningsConfirmed,
  })
  .meta({ id: "RecordProgressInput" });
export type RecordProgressInput = z.input<typeof RecordProgressInput>;

export const ClaimCompletionInput = z
  .object({
    version: z.number().int().min(1),
    period: RecordProgressInput.shape.period,
    statement: z
      .string()
      .trim()
      .min(10)
      .max(MAX_NARRATIVE)
      .meta({ description: "What was done and why the task is complete" }),
    indicatorValues: RecordProgressInput.shape.indicatorValues,
    evidenceIds: z
      .array(z.uuid())
      .min(1)
      .max(20)
      .meta({ description: "At least one uploaded evidence file" }),
    links: RecordProgressInput.shape.links,
    justification: z
      .string()
      .trim()
      .max(MAX_NARRATIVE)
      .optional()
      .meta({
        description: `Required (at least ${JUSTIFICATION_MIN} characters) when an indicator misses its target or has no value`,
      }),
    indicatorWarningsConfirmed: WarningsConfirmed,
  })
  .meta({ id: "ClaimCompletionInput" });
export type ClaimCompletionInput = z.input<typeof ClaimCompletionInput>;

/** The claim with its targets (the form's schema; append-entry.ts runs the same check). */
export function claimCompletionInputFor(
  indicators: (IndicatorSpec & { id: string; previous: number | null })[],
) {
  return ClaimCompletionInput.superRefine((claim, ctx) => {
    if (justificationMissing(indicators, claim.indicatorValues, claim.justification))
      ctx.addIssue({ code: "custom", path: ["justification"], message: "justificationRequired" });
  });
}
