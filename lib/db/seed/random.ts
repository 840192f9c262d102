/**
 * Deterministic randomness and calendar helpers for the demo seed. Content never depends on
 * Math.random or the clock: the same seed gives the same ledgers, narratives and figures.
 */

import { calendarDay, DAY_MS, startOfChinaDay } from "@/lib/time";

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** A child generator, so that adding data in one place does not reshuffle another. */
  fork(salt: string): Rng {
    let h = Math.floor(this.next() * 0xffffffff) ^ 0x9e3779b9;
    for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193);
    return new Rng(h >>> 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar. Months are counted as an index: 0 = January 2023. Instants are given in China time
// (UTC+8, no daylight saving) and stored as UTC.
// ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
export const DAY = DAY_MS;

/** A calendar day (PostgreSQL DATE) as a UTC midnight. */
export const day = calendarDay;

/** An instant given in China time. */
export function cst(y: number, m: number, d: number, h = 0, min = 0, s = 0): Date {
  return new Date(startOfChinaDay(day(y, m, d)).getTime() + h * HOUR + (min * 60 + s) * 1000);
}

export function monthIndex(y: number, m: number): number {
  return (y - 2023) * 12 + (m - 1);
}

export function monthOf(index: number): { y: number; m: number } {
  return { y: 2023 + Math.floor(index / 12), m: (index % 12) + 1 };
}

export function periodKey(index: number): string {
  const { y, m } = monthOf(index);
  return `${y}-${String(m).padStart(2, "0")}`;
}

export function periodStart(index: number): Date {
  const { y, m } = monthOf(index);
  return day(y, m, 1);
}

export function periodEnd(index: number): Date {
  const { y, m } = monthOf(index);
  return day(y, m + 1, 0);
}

/** The month index of a calendar day (UTC midnight). */
export function indexOfDay(d: Date): number {
  return monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** An instant in China time on day `d` of the month after period `index`, at a working hour. */
export function filingInstant(index: number, d: number, rng: Rng): Date {
  const { y, m } = monthOf(index + 1);
  return cst(y, m, d, rng.int(9, 17), rng.int(0, 59), rng.int(0, 59));
}

export function addDays(instant: Date, days: number, rng?: Rng): Date {
  const jitter = rng ? rng.int(0, 7 * 3600) * 1000 : 0;
  return new Date(instant.getTime() + days * DAY + jitter);
}

/** Decimal to a fixed number of places, as a string Prisma stores exactly. */
export function fixed(value: number, places: number): string {
  return value.toFixed(places);
}
