import "server-only";
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
