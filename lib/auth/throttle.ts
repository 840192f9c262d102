import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * Sign-in throttles, kept in PostgreSQL ("LoginThrottle") so every app process shares them.
 *
 * - Per client address: failures only (many successful sign-ins from one office behind NAT are
 *   normal); after IP_FAILURES failures in a window every attempt from that address waits for
 *   the window to end.
 * - Per username (whether or not the user exists, so the answer says nothing about existence):
 *   after ACCOUNT_FREE_FAILURES failures in a window, one attempt per ACCOUNT_SPACING is
 *   admitted. An admitted attempt with the right password succeeds: nobody can lock an
 *   administrator out for good, while a guesser gets about one try a minute.
 *
 * Windows are fixed, starting at the first failure; a success clears the username's counter
 * (not the address's, which one valid account must not be able to reset).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  ipFailures: 50,
  accountFreeFailures: 5,
  accountSpacingMs: 60_000,
} as const;

export type ThrottleScope = "ip" | "account";
export type Throttled = { scope: ThrottleScope; retryAfterSeconds: number };

type Bucket = { failures: number; windowStart: Date; blockedUntil: Date | null };

const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;

function retryAfter(scope: ThrottleScope, until: Date, now: Date): Throttled {
  return {
    scope,
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  };
}

const expired = (bucket: Bucket, now: Date) =>
  bucket.windowStart.getTime() + THROTTLE.windowMs <= now.getTime();

/**
 * Whether an attempt may check a password now. When the username is past its free failures, an
 * admitted attempt claims the next slot at once (under a row lock), so concurrent guesses cannot
 * share one slot.
 */
export async function admitSignIn(
  db: Db,
  attempt: { ip: string; username: string; now: Date },
): Promise<Throttled | null> {
  const { now } = attempt;
  const [ip] = await db.$queryRaw<Bucket[]>`
    SELECT failures, "windowStart", "blockedUntil" FROM "LoginThrottle" WHERE key = ${ipKey(attempt.ip)}`;
  if (ip?.blockedUntil && ip.blockedUntil > now && !expired(ip, now)) {
    return retryAfter("ip", ip.blockedUntil, now);
  }
  const key = accountKey(attempt.username);
  return db.$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<Bucket[]>`
      SELECT failures, "windowStart", "blockedUntil" FROM "LoginThrottle" WHERE key = ${key} FOR UPDATE`;
    if (!account || expired(account, now)) return null;
    if (account.blockedUntil && account.blockedUntil > now) {
      return retryAfter("account", account.blockedUntil, now);
    }
    if (account.failures >= THROTTLE.accountFreeFailures) {
      const next = new Date(now.getTime() + THROTTLE.accountSpacingMs);
      await tx.$executeRaw`UPDATE "LoginThrottle" SET "blockedUntil" = ${next} WHERE key = ${key}`;
    }
    return null;
  });
}

/**
 * Counts a failed attempt for the address and the username. Returns the throttle now in force
 * when this failure reached a limit, so the answer can say "wait" at once.
 */
export async function recordSignInFailure(
  db: Db,
  attempt: { ip: string; username: string; now: Date },
): Promise<Throttled | null> {
  const { now } = attempt;
  const ip = await bump(db, ipKey(attempt.ip), now, THROTTLE.ipFailures, (bucket) => {
    return new Date(bucket.windowStart.getTime() + THROTTLE.windowMs);
  });
  const account = await bump(
    db,
    accountKey(attempt.username),
    now,
    THROTTLE.accountFreeFailures,
    () => new Date(now.getTime() + THROTTLE.accountSpacingMs),
  );
  if (ip) return retryAfter("ip", ip, now);
  if (account) return retryAfter("account", account, now);
  return null;
}

/** A right password clears the username's failures. */
export async function recordSignInSuccess(db: Db, attempt: { username: string }): Promise<void> {
  await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE key = ${accountKey(attempt.username)}`;
}

/** Forgets windows that ended a day ago (called now and then; the table stays small). */
export async function pruneThrottles(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - THROTTLE.windowMs - 86_400_000);
  await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE "windowStart" < ${cutoff}`;
}

/** One more failure in the key's window (a new window when the last one ended); the block set when the limit is reached. */
async function bump(
  db: Db,
  key: string,
  now: Date,
  limit: number,
  blockUntil: (bucket: Bucket) => Date,
): Promise<Date | null> {
  const cutoff = new Date(now.getTime() - THROTTLE.windowMs);
  const [bucket] = await db.$queryRaw<Bucket[]>`
    INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."windowStart" <= ${cutoff} THEN 1 ELSE t.failures + 1 END,
      "blockedUntil" = CASE WHEN t."windowStart" <= ${cutoff} THEN NULL ELSE t."blockedUntil" END,
      "windowStart" = CASE WHEN t."windowStart" <= ${cutoff} THEN ${now} ELSE t."windowStart" END
    RETURNING failures, "windowStart", "blockedUntil"`;
  if (!bucket || bucket.failures < limit) return null;
  const until = blockUntil(bucket);
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET "blockedUntil" = GREATEST(COALESCE("blockedUntil", ${until}), ${until})
    WHERE key = ${key}`;
  return until;
}
