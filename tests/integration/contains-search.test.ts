/**
 * "Contains" searches take the text literally: "%", "_" and "\" are characters, not LIKE's
 * wildcards (Prisma's `contains` puts its text into LIKE as given; lib/db/contains-pattern.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { listTasks } from "@/lib/catalogue/queries";
import { listMentionable } from "@/lib/comments/queries";
import { listUsers } from "@/lib/users/queries";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor, openItemOf } from "./fixtures";

let db: TestDatabase;
let admin: Actor;
let liaison: Actor;

beforeAll(async () => {
  db = await seededTestDatabase();
  admin = await actorFor(db.prisma, "admin");
  liaison = await actorFor(db.prisma, "liaison-crrc");
});
afterAll(async () => {
  await db?.drop();
});

const WILDCARDS = ["%", "_", "\\", "%_"];

describe("contains searches", () => {
  it("find users by a wildcard only where their name holds it", async () => {
    const everyone = await listUsers(admin, { limit: 200 });
    expect(everyone.items.length).toBeGreaterThan(5);
    for (const q of WILDCARDS)
      expect((await listUsers(admin, { q, limit: 200 })).items, q).toEqual([]);
    const named = everyone.items[0]!;
    await db.prisma.user.update({
      where: { id: named.id },
      data: { displayName: `${named.displayName} 100%_完成` },
    });
    for (const q of ["%", "_", "%_", "0%_完"]) {
      const hits = (await listUsers(admin, { q, limit: 200 })).items.map((u) => u.id);
      expect(hits, q).toEqual([named.id]);
    }
  });

  it("find tasks and mentionable users by a wildcard only where it is written", async () => {
    const programme = await db.prisma.programme.findFirstOrThrow({
      where: { code: "SDU-2023" },
      select: { id: true },
    });
    const all = await listTasks(admin, { programmeId: programme.id });
    expect(all.items.length).toBeGreaterThan(3);
    for (const q of WILDCARDS)
      expect((await listTasks(admin, { programmeId: programme.id, q })).items, q).toEqual([]);

    const item = await openItemOf(db.prisma, "liaison-crrc");
    const mentionable = (await listMentionable(liaison, item.id))!;
    expect(mentionable.length).toBeGreaterThan(1);
    for (const q of WILDCARDS) {
      const hits = (await listMentionable(liaison, item.id, q))!;
      // Only users whose name holds the text (the test above wrote "100%_" into one name).
      expect(hits.length, q).toBeLessThan(mentionable.length);
      for (const u of hits) expect(`${u.displayName} ${u.username}`, q).toContain(q);
    }
  });
});
