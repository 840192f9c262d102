import { z } from "zod";

const day = z.iso.date();

export const FILING_STATES = ["onTime", "late", "pending", "notFiled"] as const;
export type FilingState = (typeof FILING_STATES)[number];

export const OpenRoundInput = z
  .object({
    programmeId: z.uuid(),
    period: z
      .string()
      .trim()
      .refine((v) => /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(v), { message: "period" }),
    windowOpensOn: day.meta({ description: "First day of the filing window (China time)" }),
    windowClosesOn: day.meta({
      description: "Last day of the filing window (China time), inclusive",
    }),
  })
  .refine((v) => v.windowClosesOn >= v.windowOpensOn, {
    path: ["windowClosesOn"],
    message: "windowOrder",
  })
  .meta({ id: "OpenRoundInput" });

export const FileRoundInput = z
  .object({
    enterpriseId: z.uuid(),
    /** Main items with nothing new this period: an explicit "no change" entry is filed for each. */
    noChangeItemIds: z.array(z.uuid()).max(500).default([]),
  })
  .meta({ id: "FileRoundInput" });

export const RoundDto = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    period: z.string(),
    periodType: z.enum(["MONTH", "QUARTER"]),
    windowOpensAt: z.iso.datetime(),
    windowClosesAt: z.iso.datetime(),
    status: z.enum(["PLANNED", "OPEN", "CLOSED"]),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ReportingRound" });

export const FilingStatus = z
  .object({
    round: RoundDto,
    supervisors: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        units: z.number().int(),
        filed: z.number().int(),
        sharePercent: z.number().nullable(),
      }),
    ),
    enterprises: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        supervisorId: z.uuid(),
        filedAt: z.iso.datetime().nullable(),
        late: z.boolean(),
        /** pending until the window closes; a unit that never filed is then notFiled (未报送). */
        state: z.enum(FILING_STATES),
      }),
    ),
  })
  .meta({ id: "RoundFilingStatus" });

/** A round in the list: its filed units out of the units expected, in the caller's scope. */
export const RoundListItem = RoundDto.extend({
  total: z.number().int(),
  filed: z.number().int(),
  sharePercent: z.number().nullable(),
}).meta({ id: "ReportingRoundListItem" });
export type RoundListItem = z.infer<typeof RoundListItem>;

export const ROUND_PAGE_SIZE = 20;
export const RoundListQuery = z.object({
  programmeId: z.uuid().optional(),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}~[0-9a-f-]{36}$/)
    // The shape alone lets through "2024-13-45~--..." which the database refuses (a 500).
    .refine((c) => {
      const [day, id] = c.split("~");
      return z.iso.date().safeParse(day).success && z.uuid().safeParse(id).success;
    })
    .optional()
    .meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(ROUND_PAGE_SIZE),
});
export const RoundList = z
  .object({ items: z.array(RoundListItem), nextCursor: z.string().nullable() })
  .meta({ id: "ReportingRoundList" });
export type RoundList = z.infer<typeof RoundList>;

export const RemindersResult = z
  .object({
    /** True when the late units were already reminded today: nothing was sent again. */
    already: z.boolean(),
    remindedAt: z.iso.datetime(),
    units: z.number().int(),
    users: z.number().int(),
  })
  .meta({ id: "RoundRemindersResult" });
export type RemindersResult = z.infer<typeof RemindersResult>;
export const RoundParams = z.object({ id: z.uuid() });
