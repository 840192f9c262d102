import type { EnterpriseDetail } from "@/lib/enterprises/schemas";

/** The registry form's values: text fields as strings ("" for none), as the inputs hold them. */
export type EnterpriseFormValues = {
  code: string;
  creditCode: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  parentId: string;
  supervisorId: string;
  region: string;
  industryZh: string;
  industryEn: string;
  functionalClass: string;
  ownershipForm: string;
  partySupervisorId: string;
  partyOrgNameZh: string;
  partyOrgNameEn: string;
  sortOrder: number;
  active: boolean;
};

/** Field names whose label key (under "registry.form") differs from the name. */
export const LABEL_KEYS: Partial<Record<keyof EnterpriseFormValues, string>> = {
  supervisorId: "supervisor",
  partySupervisorId: "partySupervisor",
};

/**
 * The form's starting values: an enterprise's own for an edit, else a new one (under `parent`,
 * whose supervisor and region it takes; a group gets the first supervisor offered).
 */
export function formDefaults(
  e: EnterpriseDetail | null,
  options: { parent?: EnterpriseDetail | null; supervisorId?: string } = {},
): EnterpriseFormValues {
  const parent = options.parent ?? null;
  return {
    code: e?.code ?? "",
    creditCode: e?.creditCode ?? "",
    nameZh: e?.nameZh ?? "",
    nameEn: e?.nameEn ?? "",
    shortNameZh: e?.shortNameZh ?? "",
    shortNameEn: e?.shortNameEn ?? "",
    parentId: e ? (e.parentId ?? "") : (parent?.id ?? ""),
    supervisorId: e ? e.supervisor.id : parent ? "" : (options.supervisorId ?? ""),
    region: e ? (e.region ?? "") : (parent?.region ?? ""),
    industryZh: e?.industryZh ?? "",
    industryEn: e?.industryEn ?? "",
    functionalClass: e?.functionalClass ?? "",
    ownershipForm: e?.ownershipForm ?? "WHOLLY_STATE_OWNED",
    partySupervisorId: e?.partySupervisorId ?? "",
    partyOrgNameZh: e?.partyOrgNameZh ?? "",
    partyOrgNameEn: e?.partyOrgNameEn ?? "",
    sortOrder: e?.sortOrder ?? 0,
    active: e?.active ?? true,
  };
}
