import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** What every list answers for a cursor it cannot continue from. */
export const invalidCursor = () => new AppError("bad_request", "Invalid cursor");

/**
 * A list cursor that names a row goes through the caller's scope like any other id: a row the
 * caller may not see answers exactly like one that does not exist (400 invalid cursor), so a
 * cursor never tells whether a row exists nor, through the page it would open, where it sorts.
 * `visible` looks the id up within the scope (truthy when found).
 */
export async function checkCursor(
  cursor: string | undefined,
  visible: (id: string) => Promise<unknown>,
): Promise<void> {
  if (cursor !== undefined && !(await visible(cursor))) throw invalidCursor();
}

/**
 * A keyset cursor: where the last row of a page sorts (the order it was taken in, the segment of
 * that order, the row's sort key as text) and the row's id, as opaque base64url JSON. The page
 * after it is read from the keys, not from the row, so a row that changed or moved since does
 * not shift the next page; the id still goes through the caller's scope (`checkKeysetCursor`).
 */
export type KeysetCursor = { order: string; segment: number; key: string | null; id: string };

const Encoded = z.tuple([z.string(), z.number().int().min(0), z.string().nullable(), z.uuid()]);

export function encodeKeysetCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.order, c.segment, c.key, c.id])).toString("base64url");
}

/** The cursor, or a 400 when it is malformed or was taken in another order than `order`. */
export function decodeKeysetCursor(cursor: string, order: string): KeysetCursor {
  let parsed: z.infer<typeof Encoded>;
  try {
    parsed = Encoded.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor();
  }
  const [taken, segment, key, id] = parsed;
  if (taken !== order) throw invalidCursor();
  return { order: taken, segment, key, id };
}

/** Decodes a keyset cursor and checks its row like `checkCursor` does. */
export async function checkKeysetCursor(
  cursor: string | undefined,
  order: string,
  visible: (id: string) => Promise<unknown>,
): Promise<KeysetCursor | undefined> {
  if (cursor === undefined) return undefined;
  const decoded = decodeKeysetCursor(cursor, order);
  await checkCursor(decoded.id, visible);
  return decoded;
}
