import { z } from "zod";

/**
 * Contracts of the bulk assignment of catalogue tasks to enterprises (分解下达), the per-item
 * "not applicable" switch and the task x enterprise matrix. Client-safe: the forms validate with
 * the same schemas (useZodResolver) and the server checks again.
 */

export const FUNCTIONAL_CLASSES = [
  "COMMERCIAL_COMPETITIVE",
  "COMMERCIAL_STRATEGIC",
  "PUBLIC_WELFARE",
] as const;
export type FunctionalClass = (typeof FUNCTIONAL_CLASSES)[number];

export const LEDGER_STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETION_CLAIMED",
  "COMPLETED",
] as const;

/** Deepest level offered (0 = group, 1 = second level, ...). */
export const MAX_DEPTH = 9;
const region = z.string().regex(/^[A-Z]{2}$/);
const depth = z.number().int().min(0).max(MAX_DEPTH);

/**
 * Which enterprises: every criterion given narrows (AND), the values of one criterion widen (OR).
 * Nothing given means every enterprise in the caller's scope. Inactive enterprises never count.
 */
export const EnterpriseSelection = z
  .object({
    enterpriseIds: z.array(z.uuid()).max(10_000).optional(),
    subtreeOf: z.uuid().optional().meta({ description: "This enterprise and its whole subtree" }),
    supervisorIds: z.array(z.uuid()).max(100).optional(),
    regions: z.array(region).max(40).optional().meta({ description: "Province codes, e.g. HN" }),
    functionalClasses: z.array(z.enum(FUNCTIONAL_CLASSES)).max(3).optional(),
    depths: z
      .array(depth)
      .max(MAX_DEPTH + 1)
      .optional()
      .meta({ description: "Levels in the tree: 0 = group, 1 = second level, ..." }),
  })
  .meta({ id: "EnterpriseSelection" });
export type EnterpriseSelection = z.infer<typeof EnterpriseSelection>;

/** Optional free text: blank means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const AssignInput = z
  .object({
    taskIds: z.array(z.uuid()).min(1).max(100).meta({ description: "Tasks of one programme" }),
    selection: EnterpriseSelection.default({}),
    responsibleDept: optionalText(100),
    responsiblePerson: optionalText(50),
    responsiblePhone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[0-9+\-() ]*$/)
      .optional()
      .transform((v) => (v ? v : undefined)),
    dueDate: z.iso
      .date()
      .optional()
      .or(z.literal("").transform(() => undefined))
      .meta({ description: "China day; default: each task's defaultDueDate" }),
    updateExisting: z.boolean().default(false).meta({
      description:
        "Also set the responsible department, person and phone given here on items that exist",
    }),
    dryRun: z
      .boolean()
      .default(false)
      .meta({ description: "Answer the counts and a sample without writing" }),
  })
  .meta({ id: "AssignInput" });
export type AssignInput = z.input<typeof AssignInput>;

const EnterpriseRef = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  depth: z.number().int(),
});
export type EnterpriseRef = z.infer<typeof EnterpriseRef>;

export const AssignResult = z
  .object({
    dryRun: z.boolean(),
    /** The audit record's entity id of this bulk action (null on a dry run). */
    assignmentId: z.uuid().nullable(),
    programmeId: z.uuid(),
    /** Enterprises selected (in scope, active). */
    enterprises: z.number().int(),
    /** Enterprises that get (or would get) at least one new ledger item. */
    enterprisesWithNew: z.number().int(),
    /** Ledger items created (or that would be). */
    created: z.number().int(),
    /** Items that already existed and were skipped. */
    existing: z.number().int(),
    /** Existing items whose responsible fields changed (updateExisting only). */
    updated: z.number().int(),
    tasks: z.array(
      z.object({
        taskId: z.uuid(),
        code: z.string(),
        titleZh: z.string(),
        titleEn: z.string(),
        created: z.number().int(),
        existing: z.number().int(),
        updated: z.number().int(),
      }),
    ),
    /** Up to 10 enterprises that get a new item, groups first. */
    sample: z.array(EnterpriseRef),
  })
  .meta({ id: "AssignResult" });
export type AssignResult = z.infer<typeof AssignResult>;

export const ApplicabilityInput = z
  .object({
    notApplicable: z.boolean(),
    reason: z.string().trim().max(500).nullish(),
    version: z.number().int().min(1),
  })
  .superRefine((value, ctx) => {
    if (value.notApplicable && !value.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  })
  .meta({ id: "ApplicabilityInput" });
export type ApplicabilityInput = z.input<typeof ApplicabilityInput>;

export const ApplicabilityResult = z
  .object({
    id: z.uuid(),
    notApplicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "ApplicabilityResult" });
export type ApplicabilityResult = z.infer<typeof ApplicabilityResult>;

export const IdParams = z.object({ id: z.uuid() });

/** A comma-separated list in a query string ("a,b"), each part checked by `item`. */
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : undefined))
    .pipe(z.array(item).max(100).optional());

export const MATRIX_PAGE_SIZE = 50;
export const MatrixQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(MATRIX_PAGE_SIZE),
    subtreeOf: z.uuid().optional(),
    supervisorIds: csv(z.uuid()).meta({ description: "Comma-separated" }),
    regions: csv(region).meta({ description: "Comma-separated province codes" }),
    functionalClasses: csv(z.enum(FUNCTIONAL_CLASSES)).meta({ description: "Comma-separated" }),
    depths: csv(
      z
        .string()
        .regex(/^\d{1,2}$/)
        .transform(Number)
        .pipe(depth),
    ).meta({ description: "Comma-separated levels" }),
    taskIds: csv(z.uuid()).meta({ description: "Columns: these tasks only (default: all)" }),
  })
  .meta({ id: "MatrixQuery" });
export type MatrixQuery = z.output<typeof MatrixQuery>;

export const MatrixCell = z.object({
  taskId: z.uuid(),
  itemId: z.uuid(),
  status: z.enum(LEDGER_STATUSES),
  notApplicable: z.boolean(),
  overdue: z.boolean(),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

export const Coverage = z.object({
  /** Enterprises of the filter with an item of the task (not-applicable ones included). */
  assigned: z.number().int(),
  notApplicable: z.number().int(),
  /** Applicable items completed (final approval). */
  completed: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const MatrixTask = z.object({
  id: z.uuid(),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  isMain: z.boolean(),
  coverage: Coverage,
});
export type MatrixTask = z.infer<typeof MatrixTask>;

export const MatrixRow = EnterpriseRef.extend({ cells: z.array(MatrixCell) });
export type MatrixRow = z.infer<typeof MatrixRow>;

export const Matrix = z
  .object({
    programme: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    tasks: z.array(MatrixTask),
    rows: z.array(MatrixRow),
    /** Enterprises matching the filter (all pages). */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "AssignmentMatrix" });
export type Matrix = z.infer<typeof Matrix>;
