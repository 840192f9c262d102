import { z } from "zod";
import { LedgerItemRow } from "@/lib/ledger/schemas";

/**
 * The dashboard's request and answer: one contract for the page, the API
 * (GET /api/v1/dashboard), the bulletins (PDF, Excel) and the frozen round snapshots.
 * Client-safe. Days are China days as "YYYY-MM-DD".
 */

const day = z.iso.date();
const uuid = z.uuid();
const Bilingual = { nameZh: z.string(), nameEn: z.string() };

export const DashboardQuery = z
  .object({
    programmeId: uuid
      .optional()
      .meta({ description: "Default: the active programme started last" }),
    asOf: day
      .optional()
      .meta({ description: "China day; the figures count its whole day. Default: today" }),
    compareTo: day
      .optional()
      .meta({ description: "A second day to compare with (change in points and tasks)" }),
    supervisorId: uuid.optional(),
    enterpriseId: uuid.optional().meta({ description: "The node: an enterprise and its subtree" }),
  })
  .refine((q) => !(q.supervisorId && q.enterpriseId), {
    path: ["enterpriseId"],
    message: "oneNode",
  })
  .meta({ id: "DashboardQuery" });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Addresses of GET /api/v1/ledger-items whose `total` equals the figure they stand beside. */
export const DrillDown = z
  .object({ total: z.string(), completed: z.string() })
  .meta({ id: "DrillDown" });

export const TargetRef = z
  .object({ ratePercent: z.number(), dueDate: day })
  .meta({ id: "TargetRef" });

/** The date a unit reaches a rate at its recent pace; null when it never will at that pace. */
export const Reach = z.object({
  ratePercent: z.number(),
  on: day.nullable(),
  /** The target with this rate, if any, and whether the projection misses its due date. */
  targetDueDate: day.nullable(),
  missesTarget: z.boolean().nullable(),
});

export const Forecast = z
  .object({
    /** Points of completion rate gained per month over the recent window. */
    pacePointsPerMonth: z.number().nullable(),
    windowMonths: z.number().int(),
    reach: z.array(Reach),
  })
  .meta({ id: "Forecast" });

/** Against the governing target: met already, on track to meet it at the current pace, or behind. */
export const STANDINGS = ["met", "onTrack", "behind", "none"] as const;

export const Headline = z.object({
  total: z.number().int(),
  completed: z.number().int(),
  ratePercent: z.number().nullable(),
  target: TargetRef.nullable(),
  /** Main tasks still to complete by the target's due date to reach its rate (0 when met). */
  tasksNeeded: z.number().int().nullable(),
  meetsTarget: z.boolean().nullable(),
  standing: z.enum(STANDINGS),
  /** Claims awaiting final approval at the instant (completion counts from approval). */
  pendingClaims: z.number().int(),
  drillDown: DrillDown,
});

export const CategoryRow = z.object({
  categoryId: uuid,
  code: z.string(),
  ...Bilingual,
  total: z.number().int(),
  completed: z.number().int(),
  ratePercent: z.number().nullable(),
  target: TargetRef.nullable(),
  drillDown: DrillDown,
});

export const ChildRow = z.object({
  type: z.enum(["supervisor", "enterprise"]),
  id: uuid,
  code: z.string(),
  ...Bilingual,
  total: z.number().int(),
  completed: z.number().int(),
  ratePercent: z.number().nullable(),
  weightedProgressPercent: z.number().nullable(),
  standing: z.enum(STANDINGS),
  red: z.number().int(),
  yellow: z.number().int(),
  forecast: Forecast,
  drillDown: DrillDown,
});

export const TrendPoint = z.object({
  /** The month's last day, or the as-of day for the current month. */
  asOf: day,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  total: z.number().int(),
  completed: z.number().int(),
  ratePercent: z.number().nullable(),
  /** The target line: the rate of the target governing that day. */
  targetPercent: z.number().nullable(),
});

export const IndicatorTotal = z.object({
  code: z.string(),
  ...Bilingual,
  unit: z.string(),
  /** Sums over the items that reported the indicator, in its one unit (never across units). */
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  items: z.number().int(),
});

export const Comparison = z.object({
  asOf: day,
  total: z.number().int(),
  completed: z.number().int(),
  ratePercent: z.number().nullable(),
  deltaPoints: z.number().nullable(),
  deltaTasks: z.number().int(),
});

export const DashboardDto = z
  .object({
    asOf: day,
    programme: z.object({ id: uuid, code: z.string(), ...Bilingual, startDate: day, endDate: day }),
    node: z.object({
      type: z.enum(["scope", "supervisor", "enterprise"]),
      id: uuid.nullable(),
      ...Bilingual,
    }),
    headline: Headline,
    /** Σ(weight × percent done) / Σ weight over the same main-task population, in percent. */
    weightedProgressPercent: z.number().nullable(),
    byCategory: z.array(CategoryRow),
    children: z.array(ChildRow),
    trend: z.array(TrendPoint),
    forecast: Forecast,
    atRisk: z.object({
      total: z.number().int(),
      /** The count stopped at its cap: at least `total`. */
      totalCapped: z.boolean(),
      items: z.array(LedgerItemRow),
      drillDown: z.string(),
    }),
    indicators: z.array(IndicatorTotal),
    compare: Comparison.nullable(),
    /** Set when the figures come from a round's frozen snapshot. */
    snapshot: z
      .object({ roundId: uuid, period: z.string(), frozenAt: z.iso.datetime() })
      .nullable(),
  })
  .meta({ id: "Dashboard" });
export type DashboardDto = z.infer<typeof DashboardDto>;
