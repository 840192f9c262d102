import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_ALPHABET,
  isValidCreditCode,
  withCheckCharacter,
} from "@/lib/enterprises/credit-code";
import { CreateEnterpriseInput, CreditCodeField } from "@/lib/enterprises/write-schemas";

// A published unified social credit code (a Beijing-registered enterprise, "91" = enterprise
// registered with market regulation, "110000" = Beijing). Verified against the rule by hand below.
const PUBLISHED = "91110000100010433L";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts a published code", () => {
    expect(isValidCreditCode(PUBLISHED)).toBe(true);
  });

  it("computes the check character of the published code from its first 17 characters", () => {
    expect(withCheckCharacter(PUBLISHED.slice(0, 17))).toBe(PUBLISHED);
    // By hand: sum of value * weight for 9,1,1,1,0,0,0,0,1,0,0,0,1,0,4,3,3
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...PUBLISHED.slice(0, 17)].reduce(
      (acc, c, i) => acc + CREDIT_CODE_ALPHABET.indexOf(c) * weights[i]!,
      0,
    );
    const check = 31 - (sum % 31);
    expect(CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]).toBe("L");
  });

  it("rejects a wrong check character", () => {
    expect(isValidCreditCode("91110000100010433M")).toBe(false);
    expect(isValidCreditCode("911100001000104330")).toBe(false);
  });

  it("rejects any single-character change in the body", () => {
    for (let i = 0; i < 17; i++) {
      const original = PUBLISHED[i]!;
      const replacement = original === "0" ? "1" : "0";
      const changed = PUBLISHED.slice(0, i) + replacement + PUBLISHED.slice(i + 1);
      expect(isValidCreditCode(changed), `position ${i + 1}`).toBe(false);
    }
  });

  it("rejects wrong lengths, lower case, spaces and letters outside the alphabet", () => {
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode(PUBLISHED.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${PUBLISHED}0`)).toBe(false);
    expect(isValidCreditCode("91110000100010433l")).toBe(false);
    expect(isValidCreditCode(` ${PUBLISHED}`)).toBe(false);
    for (const letter of ["I", "O", "S", "V", "Z"]) {
      const body = `9111000010001043${letter}`;
      // Even with every possible last character the code is invalid.
      for (const last of CREDIT_CODE_ALPHABET) expect(isValidCreditCode(body + last)).toBe(false);
    }
  });

  it("maps a remainder of 0 to check character 0 (31 -> '0')", () => {
    // Find a 17-character prefix whose weighted sum is a multiple of 31.
    let found: string | undefined;
    for (let n = 0; n < 10_000 && !found; n++) {
      const prefix = `91430000${String(n).padStart(9, "0")}`;
      if (withCheckCharacter(prefix).endsWith("0")) found = prefix;
    }
    expect(found).toBeDefined();
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });

  it("produces codes that validate, for any prefix from the alphabet", () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      let prefix = "91";
      for (let i = 0; i < 15; i++) prefix += CREDIT_CODE_ALPHABET[next() % 31];
      const code = withCheckCharacter(prefix);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it("refuses a malformed prefix", () => {
    expect(() => withCheckCharacter("9111000010001043")).toThrow();
    expect(() => withCheckCharacter("91110000100010433X")).toThrow();
    expect(() => withCheckCharacter("9111000010001043I")).toThrow();
  });
});

describe("the registry's credit code field", () => {
  it("normalises pasted codes, leaves an empty one out and names the message key", () => {
    const code = withCheckCharacter("91430100MA4L00001");
    expect(CreditCodeField.parse(` ${code.slice(0, 9).toLowerCase()} ${code.slice(9)} `)).toBe(
      code,
    );
    expect(CreditCodeField.parse("")).toBeNull();
    expect(CreditCodeField.parse(undefined)).toBeNull();
    const bad = CreditCodeField.safeParse(`${code.slice(0, 17)}${code.endsWith("0") ? "1" : "0"}`);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("creditCode");
  });

  it("refuses a bad credit code on registration, with the field path", () => {
    const result = CreateEnterpriseInput.safeParse({
      code: "hn-new",
      nameZh: "新企业",
      nameEn: "New",
      supervisorId: "0190d2d6-5f4a-7c3e-8b1a-2f3c4d5e6f70",
      creditCode: "91430100MA4L0000X1",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["creditCode"]);
  });
});
