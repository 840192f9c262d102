import { z } from "zod";

export const NOTICE_LEVELS = ["BLUE", "YELLOW", "RED"] as const;

export const IssueNoticeInput = z
  .object({
    itemIds: z.array(z.uuid()).min(1).max(100),
    level: z.enum(NOTICE_LEVELS),
    requiredAction: z.string().trim().min(4).max(2000),
    responseDueOn: z.iso
      .date()
      .meta({ description: "Reply deadline, a day in China time (end of that day)" }),
  })
  .meta({ id: "IssueNoticeInput" });

export const ReplyNoticeInput = z
  .object({ body: z.string().trim().min(2).max(4000) })
  .meta({ id: "ReplyNoticeInput" });
export const NoticeActionInput = z
  .object({
    action: z.enum(["close", "escalate"]),
    comment: z.string().trim().max(2000).optional(),
  })
  .meta({ id: "NoticeActionInput" });

export const NoticeDto = z
  .object({
    id: z.uuid(),
    number: z.string(),
    level: z.enum(NOTICE_LEVELS),
    status: z.enum(["OPEN", "REPLIED", "CLOSED", "ESCALATED"]),
    requiredAction: z.string(),
    responseDueAt: z.iso.datetime(),
    escalationCount: z.number().int(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    issuedBy: z.string(),
    items: z.array(
      z.object({
        id: z.uuid(),
        taskCode: z.string(),
        taskZh: z.string(),
        taskEn: z.string(),
        enterpriseZh: z.string(),
        enterpriseEn: z.string(),
      }),
    ),
    replies: z.array(
      z.object({ author: z.string(), body: z.string(), createdAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: "SupervisionNotice" });
export type NoticeDto = z.infer<typeof NoticeDto>;
export const NoticeParams = z.object({ id: z.uuid() });

/** The next level up when a notice escalates; red stays red. */
export function escalatedLevel(level: (typeof NOTICE_LEVELS)[number]) {
  return level === "BLUE" ? "YELLOW" : "RED";
}
