/**
 * Before/after of an audit record as the fields that changed. Pure and client-safe: the journal
 * page shows it, tests/integration/users.test.ts checks it.
 */
export type FieldChange = { field: string; before: string | null; after: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stored JSON value as one line of text: lists joined, objects as JSON, null as null. */
export function showValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => showValue(v) ?? "-").join(", ");
  return JSON.stringify(value);
}

/**
 * The changed top-level fields, in the order they first appear (after's order, then before's).
 * A creation lists every field it set; a deletion every field it had; a value that is not an
 * object is one change of the field "value".
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : before == null ? {} : { value: before };
  const a = isRecord(after) ? after : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: FieldChange[] = [];
  for (const field of keys) {
    const was = showValue(b[field]);
    const is = showValue(a[field]);
    if (JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    out.push({ field, before: was, after: is });
  }
  return out;
}
