import "server-only";
import { verify } from "@node-rs/argon2";
import { getDb, type Db } from "@/lib/db/client";
import {
  admitSignIn,
  pruneThrottles,
  recordSignInFailure,
  recordSignInSuccess,
  type Throttled,
} from "./throttle";

export type SignInResult =
  | { ok: true; userId: string; displayName: string }
  | { ok: false; reason: "invalid" }
  | ({ ok: false; reason: "throttled" } & Throttled);

/**
 * An Argon2id hash (the library's default cost, as every stored hash) of a random password
 * nobody knows: unknown and inactive users are checked against it, so they take as long as a
 * real user with a wrong password.
 */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$57RONida+0yjG2cqg6Xu9A$QfsVa6gv6BfNi2U+hk3z3AERFwB2Lw+jqarE1m5UDiw";

/**
 * Checks a username and password from a client address, behind the throttles of
 * lib/auth/throttle.ts. Unknown users, inactive or administratively locked users and wrong
 * passwords all give the same answer after the same work (one Argon2 verification and the same
 * counter writes), so usernames cannot be probed by answer or by timing.
 */
export async function verifyCredentials(
  attempt: { username: string; password: string; ip: string; now: Date },
  db: Db = getDb(),
): Promise<SignInResult> {
  const { username, password, ip, now } = attempt;
  const throttled = await admitSignIn(db, { ip, username, now });
  if (throttled) return { ok: false, reason: "throttled", ...throttled };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, displayName: true, passwordHash: true, active: true, lockedUntil: true },
  });
  const passwordOk = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  const allowed = user && user.active && !(user.lockedUntil && user.lockedUntil > now);
  if (!user || !allowed || !passwordOk) {
    const block = await recordSignInFailure(db, { ip, username, now });
    return block ? { ok: false, reason: "throttled", ...block } : { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(db, { username });
  // Now and then, forget old windows (cheap: a small table).
  if (Math.random() < 0.05) await pruneThrottles(db, now);
  return { ok: true, userId: user.id, displayName: user.displayName };
}
