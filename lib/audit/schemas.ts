import { z } from "zod";

const day = z.iso.date();

export const AUDIT_PAGE_SIZE = 50;
export const AuditQuery = z
  .object({
    entityType: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Object type as recorded, e.g. User, LedgerItem, Enterprise" }),
    entityId: z.string().trim().min(1).max(64).optional().meta({ description: "Object id" }),
    actorId: z.uuid().optional().meta({ description: "Only changes made by this user" }),
    from: day.optional().meta({ description: "First day (China time), inclusive" }),
    to: day.optional().meta({ description: "Last day (China time), inclusive" }),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/)
      .optional()
      .meta({ description: "nextCursor of the previous page" }),
    limit: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "windowOrder" });
export type AuditQueryInput = z.input<typeof AuditQuery>;

export const AuditEntry = z
  .object({
    id: z.string().meta({ description: "Increasing record number (a bigint, as a string)" }),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorLabel: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: "AuditPage" });
export type AuditPage = z.infer<typeof AuditPage>;
