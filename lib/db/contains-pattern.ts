/** `q` with LIKE's wildcards and escape character made literal (backslash is LIKE's escape). */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `q` as an ILIKE pattern for "contains, ignoring case": its wildcards and escapes are literal. */
export function containsPattern(q: string): string {
  return `%${escapeLike(q)}%`;
}
