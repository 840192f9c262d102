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
    /** The SASAC that issued it (the supervisor of the items' enterprises). */
    supervisorZh: z.string(),
    supervisorEn: z.string(),
    /**
     * The caller sees only part of the notice: one issued on several groups before each group got
     * its own notice. Items, replies and the status are then those of the caller's groups.
     */
    partial: z.boolean(),
    items: z.array(
      z.object({
        id: z.uuid(),
        taskCode: z.string(),
        taskZh: z.string(),
        taskEn: z.string(),
        enterpriseZh: z.string(),
        enterpriseEn: z.string(),
        dueDate: z.iso.date(),
        status: z.enum(["NOT_STARTED", "IN_PROGRESS", "COMPLETION_CLAIMED", "COMPLETED"]),
        /** When this item's part was answered; null while a reply is still owed. */
        repliedAt: z.iso.datetime().nullable(),
      }),
    ),
    replies: z.array(
      z.object({ author: z.string(), body: z.string(), createdAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: "SupervisionNotice" });
export type NoticeDto = z.infer<typeof NoticeDto>;
export const NoticeParams = z.object({ id: z.uuid() });

/** What issuing answers: one notice per enterprise group of the chosen items, in number order. */
export const IssuedNotices = z
  .object({ notices: z.array(NoticeDto).min(1) })
  .meta({ id: "IssuedNotices" });
export type IssuedNotices = z.infer<typeof IssuedNotices>;

export const NoticePdfQuery = z.object({
  lang: z.enum(["zh-CN", "en"]).optional().meta({ description: "Default: the caller's language" }),
});

/** The next level up when a notice escalates; red stays red. */
export function escalatedLevel(level: (typeof NOTICE_LEVELS)[number]) {
  return level === "BLUE" ? "YELLOW" : "RED";
}

export const NoticeGroupsQuery = z.object({
  itemIds: z
    .string()
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.uuid()).min(1).max(100))
    .meta({ description: "Comma-separated ledger item ids" }),
});
export const NoticeGroups = z
  .object({
    groups: z.array(
      z.object({
        id: z.uuid(),
        nameZh: z.string(),
        nameEn: z.string(),
        itemIds: z.array(z.uuid()),
      }),
    ),
  })
  .meta({ id: "NoticeGroups" });
export type NoticeGroups = z.infer<typeof NoticeGroups>;
