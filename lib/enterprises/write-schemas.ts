/**
 * Inputs of the registry's writes (create, edit/rename, move, merge): one zod schema each, shared
 * by the API (422 with field messages) and the forms (useZodResolver). Client-safe.
 */
import { z } from "zod";
import { isValidCreditCode } from "./credit-code";

/** Province-level region codes (the keys of the "regions" messages). */
export const REGIONS = [
  "BJ", "TJ", "HE", "SX", "NM", "LN", "JL", "HL", "SH", "JS", "ZJ", "AH", "FJ", "JX", "SD", "HA",
  "HB", "HN", "GD", "GX", "HI", "CQ", "SC", "GZ", "YN", "XZ", "SN", "GS", "QH", "NX", "XJ",
] as const; // prettier-ignore

export const FUNCTIONAL_CLASSES = [
  "COMMERCIAL_COMPETITIVE",
  "COMMERCIAL_STRATEGIC",
  "PUBLIC_WELFARE",
] as const;
export const OWNERSHIP_FORMS = ["WHOLLY_STATE_OWNED", "MIXED_OWNERSHIP", "LISTED"] as const;

/** Free text that may be left empty: trimmed, and "" stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** Empty select values ("") count as "none". */
const emptyAsNull = (v: unknown) => (v === "" ? null : v);

/**
 * 统一社会信用代码: spaces dropped and letters upper-cased before the check, so a pasted code with
 * a stray space or lower-case letters passes; the message key "creditCode" is under "validation".
 */
export const CreditCodeField = z
  .string()
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .refine((v) => v === "" || isValidCreditCode(v), { message: "creditCode" })
  .nullish()
  .transform((v) => v || null);

/** An optional day "YYYY-MM-DD" from which a reorganisation holds (default: now). */
const EffectiveOn = z.iso.date().optional().meta({
  description:
    "The China day from which the change holds (00:00 China time); default now. Not in the future, and after the period end of every closed reporting round concerned",
});

/** The attributes an administrator edits (everything but the code, the parent and the supervisor). */
const attributes = {
  creditCode: CreditCodeField.meta({
    description: "Unified social credit code (18 characters with its check character); unique",
  }),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  shortNameZh: optionalText(100),
  shortNameEn: optionalText(100),
  region: z.preprocess(emptyAsNull, z.enum(REGIONS).nullish()),
  industryZh: optionalText(100),
  industryEn: optionalText(100),
  functionalClass: z.preprocess(emptyAsNull, z.enum(FUNCTIONAL_CLASSES).nullish()),
  ownershipForm: z.enum(OWNERSHIP_FORMS),
  partySupervisorId: z.preprocess(emptyAsNull, z.uuid().nullish()),
  partyOrgNameZh: optionalText(200),
  partyOrgNameEn: optionalText(200),
  sortOrder: z.number().int().min(0).max(999_999),
  active: z.boolean(),
};

export const CreateEnterpriseInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)
      .meta({ description: "Stable internal code: capitals, digits and hyphens; unique" }),
    parentId: z.preprocess(emptyAsNull, z.uuid().nullish()),
    supervisorId: z.preprocess(emptyAsNull, z.uuid().nullish()).meta({
      description: "Required for a group; defaults to the parent's supervisor for a subsidiary",
    }),
    ...attributes,
    ownershipForm: attributes.ownershipForm.default("WHOLLY_STATE_OWNED"),
    sortOrder: attributes.sortOrder.default(0),
    active: attributes.active.default(true),
  })
  .meta({ id: "CreateEnterpriseInput" });
export type CreateEnterpriseInput = z.output<typeof CreateEnterpriseInput>;

/** PATCH: only the fields sent change; a new name keeps the old one as a former name. */
export const UpdateEnterpriseInput = z
  .object(attributes)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: "UpdateEnterpriseInput" });
export type UpdateEnterpriseInput = z.output<typeof UpdateEnterpriseInput>;

export const MoveEnterpriseInput = z
  .object({
    parentId: z.uuid().nullable().meta({ description: "The new parent; null makes it a group" }),
    supervisorId: z.uuid().optional().meta({
      description:
        "The supervisor of the whole subtree afterwards; default: the new parent's (the current one for a group)",
    }),
    version: z.number().int().min(1),
    effectiveOn: EffectiveOn,
  })
  .meta({ id: "MoveEnterpriseInput" });
export type MoveEnterpriseInput = z.output<typeof MoveEnterpriseInput>;

/** `{id}` of the path is absorbed into `survivorId`; `version` is the absorbed enterprise's. */
export const MergeEnterpriseInput = z
  .object({
    survivorId: z.uuid().meta({ description: "The enterprise that absorbs this one and lives on" }),
    version: z.number().int().min(1),
    effectiveOn: EffectiveOn,
  })
  .meta({ id: "MergeEnterpriseInput" });
export type MergeEnterpriseInput = z.output<typeof MergeEnterpriseInput>;

export const MergePreviewQuery = z.object({ survivorId: z.uuid() });

/** What a merge moves (the preview before, the result after). */
export const MergeCounts = z
  .object({
    movedItems: z.number().int(),
    notApplicableItems: z.number().int(),
    movedChildren: z.number().int(),
    movedGrants: z.number().int(),
  })
  .meta({ id: "MergeCounts" });
export type MergeCounts = z.infer<typeof MergeCounts>;

export const MergeResult = MergeCounts.extend({
  mergeId: z.uuid(),
  survivorId: z.uuid(),
  absorbedId: z.uuid(),
}).meta({ id: "MergeResult" });

/** Enterprises that move with a subtree (the node itself included) and who supervises them after. */
export const MoveResult = z
  .object({ subtree: z.number().int(), moved: z.boolean(), supervised: z.number().int() })
  .meta({ id: "MoveResult" });
