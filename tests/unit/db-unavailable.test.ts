/** Which database errors are "unavailable" (503 + Retry-After) rather than a bug (500). */
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/client";

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "a statement cut by statement_timeout (through Prisma's wrapper)",
      {
        code: "P2010",
        meta: {
          driverAdapterError: { cause: { kind: "postgres", code: "57014" } },
        },
      },
    ],
    [
      "Prisma's P2028 when the pool gives no connection in time",
      {
        code: "P2028",
        message: "Transaction API error: Unable to start a transaction in the given time.",
      },
    ],
    ["pg-pool's wait", { message: "timeout exceeded when trying to connect" }],
  ])("%s", (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["a unique violation", { code: "P2002" }],
    [
      "a syntax error",
      { code: "P2010", meta: { driverAdapterError: { cause: { code: "42601" } } } },
    ],
    ["a plain bug", new TypeError("x is undefined")],
  ])("not %s", (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
