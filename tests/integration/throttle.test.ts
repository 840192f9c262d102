/**
 * Sign-in throttles (lib/auth/throttle.ts) through verifyCredentials, with the clock moved by
 * hand: a guesser cannot lock an administrator out for good, an address that fails too often
 * waits for its window, and unknown and real usernames answer alike (the timing is printed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyCredentials } from "@/lib/auth/credentials";
import { THROTTLE } from "@/lib/auth/throttle";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
beforeAll(async () => {
  db = await seededTestDatabase();
});
afterAll(() => db?.drop());

const PASSWORD = "demo1234";
const T0 = new Date("2026-12-01T02:00:00.000Z").getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const attempt = (username: string, password: string, ip: string, now: Date) =>
  verifyCredentials({ username, password, ip, now }, db.prisma);

describe("per-account throttle", () => {
  it("six wrong passwords from one address do not keep the admin out: the next slot admits the right one from another", async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await attempt("admin", `wrong-${i}`, "192.0.2.10", at(i)));
    expect(results.slice(0, 4).map((r) => r.ok === false && r.reason)).toEqual(
      Array(4).fill("invalid"),
    );
    // The fifth failure starts the one-a-minute regime; the sixth comes too soon.
    expect(results[4]).toMatchObject({
      reason: "throttled",
      scope: "account",
      retryAfterSeconds: 60,
    });
    expect(results[5]).toMatchObject({
      reason: "throttled",
      scope: "account",
      retryAfterSeconds: 59,
    });

    // The right password from elsewhere within the minute waits too (it is never checked)...
    expect(await attempt("admin", PASSWORD, "198.51.100.20", at(30))).toMatchObject({
      reason: "throttled",
      retryAfterSeconds: 34,
    });
    // ...and succeeds in the next slot.
    expect(await attempt("admin", PASSWORD, "198.51.100.20", at(65))).toMatchObject({ ok: true });
    // A success clears the account's failures.
    expect(await attempt("admin", "wrong", "192.0.2.10", at(70))).toMatchObject({
      reason: "invalid",
    });
  });

  it("a guess a minute for an hour still leaves the right password working at the next slot", async () => {
    let t = 0;
    let guesses = 0;
    for (; t < 3600; t += 20) {
      const r = await attempt(
        "admin-hunan",
        `guess-${t}`,
        `192.0.2.${(t % 200) + 1}`,
        at(1000 + t),
      );
      // A checked guess fails as "invalid", or, in the one-a-minute regime, answers a fresh
      // full minute to wait; a refused one answers the rest of the running minute.
      if (r.ok === false && (r.reason === "invalid" || r.retryAfterSeconds === 60)) guesses++;
    }
    // About one guess a minute (plus the free ones at the start of each 15-minute window).
    console.log(`[throttle] guesses checked for one account in an hour: ${guesses}`);
    expect(guesses).toBeLessThanOrEqual(60 + 4 * THROTTLE.accountFreeFailures);
    expect(await attempt("admin-hunan", PASSWORD, "203.0.113.5", at(1000 + t + 60))).toMatchObject({
      ok: true,
    });
  });

  it("concurrent guesses in the one-a-minute regime share one slot", async () => {
    for (let i = 0; i < 5; i++)
      await attempt("reviewer-central", "wrong", "192.0.2.30", at(5000 + i));
    const burst = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        attempt("reviewer-central", "wrong", `192.0.2.${40 + i}`, at(5100)),
      ),
    );
    // Every one is told to wait, and only one was checked (counted as a failure).
    expect(burst.every((r) => r.ok === false && r.reason === "throttled")).toBe(true);
    const row = await db.prisma.loginThrottle.findUniqueOrThrow({
      where: { key: "user:reviewer-central" },
    });
    expect(row.failures).toBe(6);
  });
});

describe("per-address throttle", () => {
  it("answers throttled with a retry time after too many failures from one address, others unaffected", async () => {
    const ip = "192.0.2.99";
    let last;
    for (let i = 0; i < THROTTLE.ipFailures; i++) {
      last = await attempt(`nobody-${i}`, "wrong", ip, at(10_000 + i));
    }
    const windowEnd = 10_000 + THROTTLE.windowMs / 1000;
    expect(last).toMatchObject({ reason: "throttled", scope: "ip" });
    // Even a right password from that address waits for the window to end...
    const waiting = await attempt("manager", PASSWORD, ip, at(10_100));
    expect(waiting).toEqual({
      ok: false,
      reason: "throttled",
      scope: "ip",
      retryAfterSeconds: windowEnd - 10_100,
    });
    // ...while another address signs in, and after the window the address may try again.
    expect(await attempt("manager", PASSWORD, "192.0.2.100", at(10_100))).toMatchObject({
      ok: true,
    });
    expect(await attempt("manager", PASSWORD, ip, at(windowEnd))).toMatchObject({ ok: true });
  });

  it("successful sign-ins from one address (an office behind NAT) are never throttled", async () => {
    for (let i = 0; i < THROTTLE.ipFailures + 5; i++) {
      expect(await attempt("liaison-crrc", PASSWORD, "192.0.2.200", at(20_000 + i))).toMatchObject({
        ok: true,
      });
    }
  });
});

describe("unknown and real usernames", () => {
  it("answer alike, also once throttled, and take about as long", async () => {
    const real = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      real.push(await attempt("liaison-telecom", "wrong", "192.0.2.150", at(30_000 + i)));
      unknown.push(await attempt("no-such-user", "wrong", "192.0.2.151", at(30_000 + i)));
    }
    expect(unknown).toEqual(real);

    const sample = async (username: string, i: number) => {
      const start = performance.now();
      // Each try in a window of its own, so neither is throttled.
      await attempt(username, "wrong", `198.51.100.${i + 1}`, at(40_000 + i * 1000));
      return performance.now() - start;
    };
    const times = { real: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 15; i++) {
      times.real.push(await sample("liaison-sdic", i));
      times.unknown.push(await sample(`ghost-${i}`, i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(times.unknown) / median(times.real);
    console.log(
      `[throttle] median wrong-password time: real ${median(times.real).toFixed(1)} ms, ` +
        `unknown ${median(times.unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // Generous: before, unknown usernames answered about 6x faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("an inactive user answers like a wrong password, even with the right one", async () => {
    await db.prisma.user.update({ where: { username: "liaison-cec" }, data: { active: false } });
    expect(await attempt("liaison-cec", PASSWORD, "192.0.2.160", at(50_000))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("client address", () => {
  const headers = (xff?: string) => (name: string) => (name === "x-forwarded-for" ? xff : null);
  it("takes the socket address Next reports, or the one the trusted proxy appended", () => {
    expect(clientIp(headers("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(headers(undefined), 0)).toBe("unknown");
    // Not trusting proxies: the last hop, never a value a client put first.
    expect(clientIp(headers("203.0.113.9, 10.0.0.2"), 0)).toBe("10.0.0.2");
    // One trusted proxy appended the client's address last; two: the one before.
    expect(clientIp(headers("1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(headers("1.1.1.1, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientIp(headers("::ffff:192.0.2.7"), 0)).toBe("192.0.2.7");
    expect(clientIp(headers("2001:db8:1:2:3:4:5:6"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientIp(headers("2001:db8::1"), 0)).toBe("2001:db8:0:0::/64");
    expect(clientIp(headers("not-an-address"), 0)).toBe("unknown");
  });
});
