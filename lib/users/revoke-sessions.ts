import "server-only";
import type { DbTx } from "@/lib/db/client";

/**
 * Ends every signed-in session of a user (after a password reset or a deactivation).
 *
 * Placeholder: server-side session revocation (a per-user session version checked when a session
 * is loaded) is being added to lib/auth; until it is wired here this does nothing. Deactivation
 * does not depend on it: loadActor refuses inactive users on every request.
 */
export async function revokeUserSessions(tx: DbTx, userId: string): Promise<void> {
  void tx;
  void userId;
}
