/**
 * The sheets of each workbook kind: columns, keys, types and limits. Exports write them and
 * imports read them, so a file exported today imports unchanged. Pure and client-safe.
 */
import type { ColumnDef, SheetDef } from "@/lib/excel/columns";

export const IMPORT_KINDS = ["catalogue", "registry", "ledger"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const UNITS = ["COUNT", "PERSON", "YUAN_100M", "YUAN_10K", "PERCENT", "PERCENTAGE_POINT"] as const;
const DIRECTIONS = ["INCREASE", "DECREASE"] as const;
const FUNCTIONAL = ["COMMERCIAL_COMPETITIVE", "COMMERCIAL_STRATEGIC", "PUBLIC_WELFARE"] as const;
const OWNERSHIP = ["WHOLLY_STATE_OWNED", "MIXED_OWNERSHIP", "LISTED"] as const;
const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETION_CLAIMED", "COMPLETED"] as const;

const code = (key: string, required = true): ColumnDef => ({
  key,
  type: "text",
  width: 16,
  required,
  maxLength: 64,
});
const text = (key: string, width: number, maxLength: number, required = false): ColumnDef => ({
  key,
  type: "text",
  width,
  maxLength,
  required,
});
const sortOrder = (key: string): ColumnDef => ({
  key,
  type: "int",
  width: 10,
  min: -1_000_000,
  max: 1_000_000,
});

export const CATEGORY_SHEET: SheetDef = {
  id: "categories",
  prefix: "category",
  identity: ["category.code"],
  columns: [
    code("category.code"),
    text("category.nameZh", 36, 200, true),
    text("category.nameEn", 44, 200, true),
    sortOrder("category.sortOrder"),
  ],
};

export const TASK_SHEET: SheetDef = {
  id: "tasks",
  prefix: "task",
  identity: ["task.code"],
  columns: [
    code("task.code"),
    code("task.categoryCode"),
    text("task.titleZh", 40, 500, true),
    text("task.titleEn", 48, 500, true),
    { key: "task.isMain", type: "bool", width: 10 },
    { key: "task.weight", type: "decimal", width: 10, scale: 2, min: 0.01, max: 9999.99 },
    { key: "task.defaultDueDate", type: "date", width: 13 },
    text("task.doneCriteriaZh", 48, 4000),
    text("task.doneCriteriaEn", 48, 4000),
    text("task.descriptionZh", 40, 4000),
    text("task.descriptionEn", 40, 4000),
    sortOrder("task.sortOrder"),
  ],
};

export const INDICATOR_SHEET: SheetDef = {
  id: "indicators",
  prefix: "indicator",
  identity: ["indicator.taskCode", "indicator.code"],
  columns: [
    code("indicator.taskCode"),
    code("indicator.code"),
    text("indicator.nameZh", 36, 200, true),
    text("indicator.nameEn", 40, 200, true),
    { key: "indicator.unit", type: "enum", width: 14, required: true, options: UNITS },
    { key: "indicator.direction", type: "enum", width: 12, options: DIRECTIONS },
    { key: "indicator.baseline", type: "decimal", width: 14, scale: 4, min: -1e15, max: 1e15 },
    { key: "indicator.target", type: "decimal", width: 14, scale: 4, min: -1e15, max: 1e15 },
    sortOrder("indicator.sortOrder"),
  ],
};

export const ENTERPRISE_SHEET: SheetDef = {
  id: "enterprises",
  prefix: "enterprise",
  identity: ["enterprise.code"],
  columns: [
    code("enterprise.code"),
    code("enterprise.parentCode", false),
    code("enterprise.supervisorCode", false),
    { ...code("enterprise.creditCode", false), width: 22 },
    text("enterprise.nameZh", 36, 200, true),
    text("enterprise.nameEn", 44, 200, true),
    text("enterprise.shortNameZh", 16, 100),
    text("enterprise.shortNameEn", 20, 100),
    text("enterprise.region", 10, 32),
    text("enterprise.industryZh", 16, 100),
    text("enterprise.industryEn", 20, 100),
    { key: "enterprise.functionalClass", type: "enum", width: 18, options: FUNCTIONAL },
    { key: "enterprise.ownershipForm", type: "enum", width: 16, options: OWNERSHIP },
    code("enterprise.partySupervisorCode", false),
    text("enterprise.partyOrgNameZh", 24, 200),
    text("enterprise.partyOrgNameEn", 28, 200),
    sortOrder("enterprise.sortOrder"),
  ],
};

export const ITEM_SHEET: SheetDef = {
  id: "items",
  prefix: "item",
  identity: ["item.enterpriseCode", "item.taskCode"],
  columns: [
    code("item.enterpriseCode"),
    { ...text("item.enterpriseName", 30, 200), readOnly: true },
    code("item.taskCode"),
    { ...text("item.taskTitle", 36, 500), readOnly: true },
    text("item.responsibleDept", 18, 200),
    text("item.responsiblePerson", 14, 100),
    text("item.responsiblePhone", 16, 40),
    { key: "item.dueDate", type: "date", width: 13 },
    { key: "item.notApplicable", type: "bool", width: 10 },
    text("item.notApplicableReason", 30, 1000),
    { key: "item.status", type: "enum", width: 14, readOnly: true, options: STATUSES },
    { key: "item.percentDone", type: "int", width: 10, readOnly: true },
    { key: "item.lastEntryAt", type: "date", width: 13, readOnly: true },
  ],
};

export const SHEETS: Record<ImportKind, readonly SheetDef[]> = {
  catalogue: [CATEGORY_SHEET, TASK_SHEET, INDICATOR_SHEET],
  registry: [ENTERPRISE_SHEET],
  ledger: [ITEM_SHEET],
};

/** Kinds whose workbook belongs to one programme (the request names it). */
export const NEEDS_PROGRAMME: Record<ImportKind, boolean> = {
  catalogue: true,
  registry: false,
  ledger: true,
};

/** Where the labels of an enum column's codes live in messages/*.json. */
export const ENUM_LABELS: Record<string, string> = {
  "indicator.unit": "indicatorUnit",
  "indicator.direction": "imports.direction",
  "enterprise.functionalClass": "functionalClass",
  "enterprise.ownershipForm": "ownershipForm",
  "item.status": "status",
};
