/**
 * Deterministic row ids of the generated data: the same (key, sub, tag) gives the same UUID in
 * TypeScript and in SQL (`uidSql`), so a statement can point at rows another statement wrote
 * without reading them back (an event at its entry, a review at its claim). The layout is a valid
 * version-7 UUID (version nibble 7, variant 8) whose leading bits are the key, so rows written in
 * key order extend their primary-key index at its right edge, as Prisma's uuid(7) ids do.
 *
 *   hex: kkkkkkkkkkkk 7 sss 8 ttt ssssssssssss   (key 48 bits, sub 12 bits, tag, seed salt)
 */
export const TAGS = {
  supervisor: "a01",
  enterprise: "a02",
  user: "b01",
  scope: "b02",
  programme: "c01",
  category: "c02",
  task: "c03",
  indicator: "c04",
  target: "c05",
  milestone: "c06",
  round: "c07",
  item: "d01",
  entry: "d02",
  review: "d03",
  value: "d04",
  evidence: "d05",
  notice: "f01",
  reply: "f02",
} as const;
export type Tag = keyof typeof TAGS;

/** 12 hex digits of the seed, so that two seeds never share ids. */
export function saltOf(seed: number): string {
  return ((seed >>> 0) * 65_537 + 0x5eed).toString(16).padStart(12, "0").slice(-12);
}

export function uid(salt: string, tag: Tag, key: number, sub = 0): string {
  const k = key.toString(16).padStart(12, "0");
  const s = sub.toString(16).padStart(3, "0");
  const hex = `${k}7${s}8${TAGS[tag]}${salt}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same id in SQL; `key` and `sub` are SQL expressions (bigint / int). */
export function uidSql(salt: string, tag: Tag, key: string, sub = "0"): string {
  return `(lpad(to_hex((${key})::bigint), 12, '0') || '7' || lpad(to_hex((${sub})::int), 3, '0') || '8${TAGS[tag]}${salt}')::uuid`;
}
