import { z } from "zod";
import { INDICATOR_UNITS } from "./indicator-check";

/** The stored ledger statuses in workflow order (this module is client-safe). */
export const LEDGER_STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "COMPLETION_CLAIMED",
  "COMPLETED",
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export const COLOURS = ["green", "blue", "yellow", "red", "done", "na"] as const;
/** Every colour a list may filter by: the rule's colours and "atRisk" (red or yellow). */
export const LIST_COLOURS = ["red", "yellow", "blue", "green", "done", "na", "atRisk"] as const;
export type ListColour = (typeof LIST_COLOURS)[number];
export { INDICATOR_UNITS };

const Bilingual = { nameZh: z.string(), nameEn: z.string() };

export const Colour = z
  .object({
    colour: z.enum(COLOURS),
    reason: z.object({
      key: z.enum([
        "completed",
        "notApplicable",
        "overdue",
        "behindPlan",
        "noUpdate",
        "dueSoon",
        "onTrack",
      ]),
      values: z.record(z.string(), z.number()),
    }),
  })
  .meta({ id: "Colour", description: "Three-colour status and the rule that produced it" });

export const LedgerItemRow = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    task: z.object({ id: z.uuid(), code: z.string(), titleZh: z.string(), titleEn: z.string() }),
    category: z.object({ id: z.uuid(), code: z.string(), ...Bilingual }),
    isMain: z.boolean(),
    enterprise: z.object({ id: z.uuid(), code: z.string(), ...Bilingual, depth: z.number().int() }),
    responsibleDept: z.string().nullable(),
    responsiblePerson: z.string().nullable(),
    dueDate: z.iso.date(),
    status: z.enum(LEDGER_STATUSES),
    percentDone: z.number().int(),
    lastEntryAt: z.iso.datetime().nullable(),
    notApplicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    version: z.number().int(),
    colour: Colour,
  })
  .meta({ id: "LedgerItemRow" });
export type LedgerItemRow = z.infer<typeof LedgerItemRow>;

export const LEDGER_SORTS = [
  "urgency",
  "colour",
  "dueDate",
  "lastEntryAt",
  "percentDone",
  "task",
  "enterprise",
  "status",
] as const;

const booleanFlag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");

export const LedgerListQuery = z
  .object({
    programmeId: z.uuid().optional(),
    categoryId: z.uuid().optional(),
    status: z.enum(LEDGER_STATUSES).optional(),
    mainOnly: booleanFlag.meta({ description: "Only main tasks" }),
    overdue: booleanFlag.meta({ description: "Only items past their due date and not completed" }),
    enterpriseId: z.uuid().optional().meta({ description: "This enterprise and its subsidiaries" }),
    supervisorId: z.uuid().optional().meta({ description: "Enterprises supervised by this SASAC" }),
    asOf: z.iso
      .date()
      .optional()
      .meta({
        description:
          "China day: list the dashboard's population as of the end of that day (applicable items that " +
          "existed then; the other filters apply to the item as it stood). A dashboard figure's " +
          "drill-down uses it, so the list's total equals the figure. Implied (today) by `completed`.",
      }),
    completed: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .meta({ description: "Completed (claim approved) by the as-of day, or not" }),
    colour: z.enum(LIST_COLOURS).optional().meta({
      description:
        "Colour by the colour rule: now, or at the as-of day when `asOf` is given; atRisk = red or yellow",
    }),
    needsAction: booleanFlag.meta({
      description:
        "Needs the caller's action: for a liaison, open items of the scope that are red or yellow, " +
        "whose latest entry was returned, or (main items) with no entry for an open round's period; " +
        "for anyone with a review queue, items with an entry waiting in it",
    }),
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Search task code and title, enterprise, responsible person" }),
    sort: z
      .enum(LEDGER_SORTS)
      .default("urgency")
      .meta({
        description:
          "urgency (default): open items first, red, yellow, blue, green, each soonest due first, " +
          "then completed and not-applicable ones, latest due first; colour: red, yellow, blue, " +
          "green, completed, not applicable, then by due date",
      }),
    order: z.enum(["asc", "desc"]).default("asc"),
    cursor: z.string().max(500).optional().meta({
      description:
        "The `nextCursor` of the previous page (opaque; valid for the same sort and order)",
    }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "LedgerListQuery" });
export type LedgerListFilter = z.output<typeof LedgerListQuery>;

/** Lists count at most this many rows; beyond it they say "1,000+" (`totalCapped`). */
export const LIST_COUNT_CAP = 1000;

export const LedgerPage = z
  .object({
    items: z.array(LedgerItemRow),
    nextCursor: z.string().nullable().meta({ description: "Opaque; null on the last page" }),
    total: z
      .number()
      .int()
      .meta({
        description: `The number of matching items, counted up to ${LIST_COUNT_CAP}`,
      }),
    totalCapped: z.boolean().meta({
      description: `More than ${LIST_COUNT_CAP} items match: \`total\` is the cap, shown as "${LIST_COUNT_CAP}+"`,
    }),
  })
  .meta({ id: "LedgerPage" });
export type LedgerPage = z.infer<typeof LedgerPage>;

export const EvidenceDto = z
  .object({
    id: z.uuid(),
    kind: z.enum(["FILE", "LINK"]),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    entryId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Evidence" });
export type EvidenceDto = z.infer<typeof EvidenceDto>;

export const EntryDto = z
  .object({
    id: z.uuid(),
    kind: z.enum(["PROGRESS", "NO_CHANGE", "COMPLETION_CLAIM"]),
    periodType: z.enum(["MONTH", "QUARTER"]),
    period: z.string(),
    narrative: z.string(),
    justification: z
      .string()
      .nullable()
      .meta({ description: "Why a completion claim stands although a target is not met" }),
    percentDone: z.number().int(),
    status: z.enum(LEDGER_STATUSES),
    reviewState: z.enum(["SUBMITTED", "CONFIRMED", "APPROVED", "RETURNED"]),
    late: z.boolean(),
    correctsId: z.uuid().nullable(),
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    createdAt: z.iso.datetime(),
    indicatorValues: z.array(z.object({ indicatorId: z.uuid(), value: z.number() })),
    evidence: z.array(EvidenceDto),
    reviews: z.array(
      z.object({
        decision: z.enum(["CONFIRM", "APPROVE", "RETURN"]),
        comment: z.string().nullable(),
        reviewer: z.string(),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: "ProgressEntry" });
export type EntryDto = z.infer<typeof EntryDto>;

export const IndicatorDto = z
  .object({
    id: z.uuid(),
    code: z.string(),
    ...Bilingual,
    unit: z.enum(INDICATOR_UNITS),
    direction: z.enum(["INCREASE", "DECREASE"]),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    actuals: z.array(
      z.object({ period: z.string(), value: z.number(), entryId: z.uuid(), at: z.iso.datetime() }),
    ),
  })
  .meta({ id: "Indicator" });
export type IndicatorDto = z.infer<typeof IndicatorDto>;

export const LedgerItemDetail = LedgerItemRow.extend({
  task: z.object({
    id: z.uuid(),
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    descriptionZh: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    doneCriteriaZh: z.string().nullable(),
    doneCriteriaEn: z.string().nullable(),
  }),
  programme: z.object({
    id: z.uuid(),
    code: z.string(),
    ...Bilingual,
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    reportingUntil: z.iso.date().nullable(),
    dueSoonDays: z.number().int(),
    behindPlanPoints: z.number().int(),
  }),
  responsiblePhone: z.string().nullable(),
  claimedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  indicators: z.array(IndicatorDto),
  entries: z.array(EntryDto).meta({ description: "Newest first" }),
  evidence: z.array(EvidenceDto),
  notices: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      level: z.enum(["BLUE", "YELLOW", "RED"]),
      status: z.enum(["OPEN", "REPLIED", "CLOSED", "ESCALATED"]),
      requiredAction: z.string(),
      responseDueAt: z.iso.datetime(),
      createdAt: z.iso.datetime(),
    }),
  ),
  canWrite: z.boolean().meta({ description: "Whether the caller may record entries on this item" }),
}).meta({ id: "LedgerItemDetail" });
export type LedgerItemDetail = z.infer<typeof LedgerItemDetail>;

export const ItemParams = z.object({ id: z.uuid() });

// The write inputs (progress entries, completion claims) live in entry-inputs.ts.
export * from "./entry-inputs";

export const EntryWriteResult = z
  .object({ entry: EntryDto, item: LedgerItemRow })
  .meta({ id: "EntryWriteResult" });

export const EntryList = z.object({ items: z.array(EntryDto) }).meta({ id: "EntryList" });

export const EvidenceParams = z.object({ id: z.uuid() });

/** Evidence files: what a liaison uploads. Types are checked by content, not by name. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/msword": ["doc"],
  "application/vnd.ms-excel": ["xls"],
  "application/vnd.ms-powerpoint": ["ppt"],
  "application/x-cfb": ["doc", "xls", "ppt"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
};
