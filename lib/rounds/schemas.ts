import { z } from "zod";

const day = z.iso.date();

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
      }),
    ),
  })
  .meta({ id: "RoundFilingStatus" });
export const RoundParams = z.object({ id: z.uuid() });
