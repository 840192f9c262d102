/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form: either one
 * reaching a query is a database error (a 500) instead of the user's mistake. Every string a
 * request carries (path, query, JSON body: lib/api/endpoint.ts), every use case's input
 * (parseInput) and every imported text cell (lib/excel/cell-value.ts) is checked with this before
 * anything else, so the answer is a clear 400/422 naming the field (or cell) and nothing is written.
 */

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string) => !UNSTORABLE.test(value);

/**
 * The dotted path of the first string (object key or value) that PostgreSQL could not store, or
 * null when all are storable. `prefix` names the root ("" for a body: paths like "items.2.title").
 */
export function findUnstorableText(value: unknown, prefix = ""): string | null {
  const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (typeof value === "string") return isStorableText(value) ? null : prefix || "_";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], join(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (!isStorableText(key)) return join(key.replace(new RegExp(UNSTORABLE, "g"), "\uFFFD"));
      const found = findUnstorableText(inner, join(key));
      if (found !== null) return found;
    }
  }
  return null;
}
