import { z } from "zod";

/**
 * The programme and catalogue contract, shared by the forms, the API and the use cases
 * (client-safe). The field schemas (`programmeFieldsSchema`, `taskFieldsSchema`,
 * `indicatorFieldsSchema`, `categoryFieldsSchema`) are plain objects so that the Excel import can
 * reuse, pick or extend them. Cross-field rules are `superRefine`s whose messages are keys under
 * "catalogue.validation" (translated by `parseCatalogueInput` and the forms' resolver).
 */

export const PROGRAMME_STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
export const REPORTING_CADENCES = ["MONTH", "QUARTER"] as const;
export const INDICATOR_UNITS = [
  "COUNT",
  "PERSON",
  "YUAN_100M",
  "YUAN_10K",
  "PERCENT",
  "PERCENTAGE_POINT",
] as const;
export const INDICATOR_DIRECTIONS = ["INCREASE", "DECREASE"] as const;

const day = z.iso.date();
/** A stable code: letters, digits, ".", "_", "-" (codes travel through Excel and URLs). */
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const name = z.string().trim().min(1).max(200);
/** Free text; blank means none (the use cases store null). */
const text = (max: number) => z.string().trim().max(max).nullish();
const version = z
  .number()
  .int()
  .min(1)
  .meta({ description: "The version the user saw (optimistic lock): 409 when stale" });

// ---------------------------------------------------------------------------------------------
// Programmes
// ---------------------------------------------------------------------------------------------

export const programmeFieldsSchema = z.object({
  code: codeSchema,
  nameZh: name,
  nameEn: name,
  descriptionZh: text(4000),
  descriptionEn: text(4000),
  startDate: day,
  endDate: day,
  reportingUntil: day.nullish().meta({
    description: "Entries may be filed for periods up to this day (default: endDate)",
  }),
  status: z.enum(PROGRAMME_STATUSES),
  supervisorId: z.uuid().meta({ description: "The SASAC that owns the programme" }),
  closeOffLevels: z.number().int().min(1).max(2).meta({
    description:
      "1: a SASAC reviewer approves; 2: the group's liaison confirms a subsidiary's claim first",
  }),
  dueSoonDays: z.number().int().min(0).max(365),
  behindPlanPoints: z.number().int().min(0).max(100),
  reportingCadence: z.enum(REPORTING_CADENCES).meta({
    description: "The step of the rounds' default period: a month (2025-11) or a quarter (2025-Q4)",
  }),
});
export type ProgrammeFields = z.infer<typeof programmeFieldsSchema>;

export const milestoneFieldsSchema = z.object({
  date: day,
  nameZh: name,
  nameEn: name,
});

export const targetFieldsSchema = z.object({
  categoryId: z
    .uuid()
    .nullable()
    .meta({ description: "null: the whole programme; else one of its categories" }),
  dueDate: day,
  ratePercent: z
    .number()
    .min(0)
    .max(100)
    .refine((v) => Number.isInteger(Math.round(v * 100 * 1e6) / 1e6), { message: "twoDecimals" }),
  nameZh: text(200),
  nameEn: text(200),
});

type DatedFields = { startDate?: string; endDate?: string; reportingUntil?: string | null };
type Listed = {
  milestones?: { date: string }[];
  targets?: { categoryId: string | null; dueDate: string }[];
};

/** Dates in order, one target per (category, day). Message keys under catalogue.validation. */
function programmeRules(value: DatedFields & Listed, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
  if (value.endDate && value.reportingUntil && value.reportingUntil < value.endDate)
    ctx.addIssue({ code: "custom", path: ["reportingUntil"], message: "reportingBeforeEnd" });
  const seen = new Set<string>();
  value.targets?.forEach((t, i) => {
    const key = `${t.categoryId ?? ""}|${t.dueDate}`;
    if (seen.has(key))
      ctx.addIssue({ code: "custom", path: ["targets", i, "dueDate"], message: "duplicateTarget" });
    seen.add(key);
  });
}

const lists = {
  milestones: z.array(milestoneFieldsSchema).max(50).optional().meta({
    description: "The full list of milestones (replaces the current ones when given)",
  }),
  targets: z.array(targetFieldsSchema).max(100).optional().meta({
    description: "The full list of dated targets (replaces the current ones when given)",
  }),
};

/** POST /programmes: the fields, and optionally the first milestones and programme-wide targets. */
export const CreateProgrammeObject = programmeFieldsSchema.extend(lists);
export const CreateProgrammeInput = CreateProgrammeObject.superRefine(programmeRules).meta({
  id: "CreateProgrammeInput",
});
export type CreateProgrammeInput = z.input<typeof CreateProgrammeInput>;

/**
 * PATCH /programmes/{id}: any of the fields, with the version read. Milestones and targets are
 * full replacement lists: they are edited together on one form and saved under the programme's
 * one version, and nothing else refers to their rows.
 */
export const UpdateProgrammeObject = programmeFieldsSchema.partial().extend({ version, ...lists });
export const UpdateProgrammeInput = UpdateProgrammeObject.superRefine(programmeRules).meta({
  id: "UpdateProgrammeInput",
});
export type UpdateProgrammeInput = z.input<typeof UpdateProgrammeInput>;

/** POST /programmes/{id}/copy: the next action from the last one. */
export const CopyProgrammeObject = z.object({
  code: codeSchema,
  nameZh: name,
  nameEn: name,
  startDate: day.meta({
    description: "Milestones, targets and due dates move by the offset from the source's start",
  }),
  endDate: day.optional().meta({ description: "Default: the source's end, moved by the offset" }),
  supervisorId: z.uuid().optional().meta({ description: "Default: the source's supervisor" }),
});
export const CopyProgrammeInput = CopyProgrammeObject.superRefine(programmeRules).meta({
  id: "CopyProgrammeInput",
});
export type CopyProgrammeInput = z.input<typeof CopyProgrammeInput>;

export const MilestoneDto = milestoneFieldsSchema.extend({ id: z.uuid() });
export const TargetDto = targetFieldsSchema.extend({
  id: z.uuid(),
  ratePercent: z.number(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
});
export const CategoryDto = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    sortOrder: z.number().int(),
    tasks: z.number().int(),
    ledgerItems: z.number().int(),
  })
  .meta({ id: "Category" });
export type CategoryDto = z.infer<typeof CategoryDto>;

const SupervisorRef = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
});

export const ProgrammeSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    startDate: day,
    endDate: day,
    supervisor: SupervisorRef,
    categories: z.number().int(),
    tasks: z.number().int(),
    canManage: z.boolean().meta({ description: "The caller may change it (catalogue.manage)" }),
  })
  .meta({ id: "ProgrammeSummary" });
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;
export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });

export const ProgrammeDetail = programmeFieldsSchema
  .extend({
    id: z.uuid(),
    descriptionZh: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    reportingUntil: day.nullable(),
    version: z.number().int(),
    supervisor: SupervisorRef,
    milestones: z.array(MilestoneDto),
    targets: z.array(TargetDto),
    categories: z.array(CategoryDto),
    canManage: z.boolean(),
  })
  .meta({ id: "Programme" });
export type ProgrammeDetail = z.infer<typeof ProgrammeDetail>;

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

export const categoryFieldsSchema = z.object({
  code: codeSchema,
  nameZh: name,
  nameEn: name,
  sortOrder: z.number().int().min(0).max(100_000),
});
export const CreateCategoryInput = categoryFieldsSchema
  .extend({ programmeId: z.uuid() })
  .meta({ id: "CreateCategoryInput" });
export type CreateCategoryInput = z.input<typeof CreateCategoryInput>;
export const UpdateCategoryInput = categoryFieldsSchema
  .partial()
  .meta({ id: "UpdateCategoryInput" });
export type UpdateCategoryInput = z.input<typeof UpdateCategoryInput>;

// ---------------------------------------------------------------------------------------------
// Tasks and indicators
// ---------------------------------------------------------------------------------------------

const decimal = z.number().min(-1e15).max(1e15);

export const indicatorFieldsSchema = z.object({
  code: codeSchema,
  nameZh: name,
  nameEn: name,
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS).meta({ description: "INCREASE: higher is better" }),
  baseline: decimal.nullish(),
  target: decimal.nullish(),
});
/** An indicator in a task's list: with its id when it exists (kept), without when new. */
export const IndicatorInput = indicatorFieldsSchema.extend({ id: z.uuid().optional() });
export type IndicatorInput = z.input<typeof IndicatorInput>;

export const taskFieldsSchema = z.object({
  categoryId: z.uuid(),
  code: codeSchema.meta({ description: "Stable within the programme, e.g. SDU-C03-02" }),
  titleZh: name,
  titleEn: name,
  descriptionZh: text(4000),
  descriptionEn: text(4000),
  doneCriteriaZh: text(2000),
  doneCriteriaEn: text(2000),
  isMain: z.boolean(),
  weight: z.number().min(0.01).max(9999.99),
  defaultDueDate: day.nullish(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type TaskFields = z.infer<typeof taskFieldsSchema>;

function taskRules(value: { indicators?: { code: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  value.indicators?.forEach((indicator, i) => {
    const code = indicator.code.trim().toUpperCase();
    if (seen.has(code))
      ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: "duplicateCode" });
    seen.add(code);
  });
}

const indicators = z.array(IndicatorInput).max(20);

export const CreateTaskObject = taskFieldsSchema.extend({
  programmeId: z.uuid(),
  indicators: indicators.optional(),
});
export const CreateTaskInput = CreateTaskObject.superRefine(taskRules).meta({
  id: "CreateTaskInput",
});
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

/**
 * PATCH /tasks/{id}: any of the fields with the version read; `indicators` is the full list (kept
 * by id, created without, removed when left out: refused once values were reported for them).
 */
export const UpdateTaskObject = taskFieldsSchema.partial().extend({
  version,
  indicators: indicators.optional(),
});
export const UpdateTaskInput = UpdateTaskObject.superRefine(taskRules).meta({
  id: "UpdateTaskInput",
});
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

export const IndicatorDto = indicatorFieldsSchema.extend({
  id: z.uuid(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  sortOrder: z.number().int(),
});
export type IndicatorDto = z.infer<typeof IndicatorDto>;

export const TaskDto = taskFieldsSchema
  .extend({
    id: z.uuid(),
    programmeId: z.uuid(),
    descriptionZh: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    doneCriteriaZh: z.string().nullable(),
    doneCriteriaEn: z.string().nullable(),
    defaultDueDate: day.nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    indicators: z.array(IndicatorDto),
    ledgerItems: z.number().int().meta({ description: "Assignments of the task (台账事项)" }),
  })
  .meta({ id: "Task" });
export type TaskDto = z.infer<typeof TaskDto>;
export const TaskList = z.object({ items: z.array(TaskDto) }).meta({ id: "TaskList" });

export const TaskListQuery = z.object({
  programmeId: z.uuid(),
  categoryId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().meta({ description: "Code or title contains" }),
});

export const IdParams = z.object({ id: z.uuid() });
export const Deleted = z.object({ deleted: z.literal(true) });
