import "server-only";
import { verify } from "@node-rs/argon2";
import { getDb } from "@/lib/db/client";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export type SignInResult =
  { ok: true; userId: string; displayName: string } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a username and password. Five failures in a row lock the account for 15 minutes;
 * unknown users and wrong passwords give the same answer so usernames cannot be probed.
 */
export async function verifyCredentials(username: string, password: string): Promise<SignInResult> {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { username },
    select: {
      id: true,
      displayName: true,
      passwordHash: true,
      active: true,
      lockedUntil: true,
      failedLogins: true,
    },
  });
  if (!user || !user.active) return { ok: false, reason: "invalid" };
  if (user.lockedUntil && user.lockedUntil > new Date()) return { ok: false, reason: "locked" };

  const valid = await verify(user.passwordHash, password).catch(() => false);
  if (!valid) {
    const failures = user.failedLogins + 1;
    await db.user.update({
      where: { id: user.id },
      data: {
        failedLogins: failures >= MAX_FAILURES ? 0 : failures,
        lockedUntil: failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
      },
    });
    return { ok: false, reason: failures >= MAX_FAILURES ? "locked" : "invalid" };
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  }
  return { ok: true, userId: user.id, displayName: user.displayName };
}
