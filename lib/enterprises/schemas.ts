import { z } from "zod";

export const SupervisorRef = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.enum(["CENTRAL", "PROVINCIAL", "MUNICIPAL"]),
  })
  .meta({ id: "SupervisorRef" });

export const EnterpriseSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    creditCode: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
    shortNameZh: z.string().nullable(),
    shortNameEn: z.string().nullable(),
    parentId: z.uuid().nullable(),
    rootId: z.uuid().nullable(),
    depth: z.number().int(),
    region: z.string().nullable(),
    functionalClass: z
      .enum(["COMMERCIAL_COMPETITIVE", "COMMERCIAL_STRATEGIC", "PUBLIC_WELFARE"])
      .nullable(),
    ownershipForm: z.enum(["WHOLLY_STATE_OWNED", "MIXED_OWNERSHIP", "LISTED"]),
    supervisor: SupervisorRef,
    childCount: z.number().int(),
    active: z.boolean(),
    /** Set when a merge absorbed it into another enterprise (it is then inactive). */
    mergedIntoId: z.uuid().nullable(),
  })
  .meta({ id: "EnterpriseSummary" });
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const EnterpriseDetail = EnterpriseSummary.extend({
  industryZh: z.string().nullable(),
  industryEn: z.string().nullable(),
  partyOrgNameZh: z.string().nullable(),
  partyOrgNameEn: z.string().nullable(),
  /** Ancestors within the caller's scope, from the group down to the parent. */
  ancestors: z.array(z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() })),
  partySupervisorId: z.uuid().nullable(),
  sortOrder: z.number().int(),
  /** Optimistic lock: send it back with an edit, a move or a merge. */
  version: z.number().int(),
  /** Enterprises in its subtree, itself included: what a move takes along. */
  subtreeSize: z.number().int(),
  /** Names it bore before renames (曾用名), newest first; `validFrom`/`validTo` are instants. */
  formerNames: z.array(
    z.object({
      nameZh: z.string(),
      nameEn: z.string(),
      shortNameZh: z.string().nullable(),
      shortNameEn: z.string().nullable(),
      validFrom: z.iso.datetime(),
      validTo: z.iso.datetime(),
    }),
  ),
  /** The merge that absorbed it (null if none); the survivor's name only when in scope. */
  mergedInto: z
    .object({
      id: z.uuid(),
      nameZh: z.string().nullable(),
      nameEn: z.string().nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
  /** Enterprises merged into this one, newest first, with the date of each merge. */
  absorbed: z.array(
    z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), at: z.iso.datetime() }),
  ),
}).meta({ id: "EnterpriseDetail" });
export type EnterpriseDetail = z.infer<typeof EnterpriseDetail>;

export const EnterpriseListQuery = z
  .object({
    parentId: z
      .uuid()
      .optional()
      .meta({ description: "Only the direct children of this enterprise" }),
    roots: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .meta({ description: "Only the top of each tree within the caller's scope" }),
    supervisorId: z.uuid().optional(),
    q: z.string().trim().max(100).optional().meta({
      description:
        "Search in names and codes. Hits come best first: an exact code or credit code, then names beginning with the text, then the rest; within each, groups before subsidiaries, then by name",
    }),
    cursor: z.uuid().optional().meta({ description: "The `nextCursor` of the previous page" }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "EnterpriseListQuery" });
export type EnterpriseListFilter = z.output<typeof EnterpriseListQuery>;

export const EnterprisePage = z
  .object({ items: z.array(EnterpriseSummary), nextCursor: z.uuid().nullable() })
  .meta({ id: "EnterprisePage" });

export const IdParams = z.object({ id: z.uuid() });
