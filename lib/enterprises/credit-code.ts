/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), administrative division
 * code (6), subject identifier (9), check character (1). Every character comes from a 31-symbol
 * alphabet (the digits and the capital letters without I, O, S, V, Z); the check character is
 * computed from the first 17 with the weights 3^i mod 31:
 *
 *   check = 31 - (sum(value(c_i) * w_i) mod 31), and 31 becomes 0.
 *
 * Pure functions, no imports: usable on the server, in the browser and in tests.
 */

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const PREFIX_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for the first 17 characters (which must already be valid symbols). */
function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET.charAt(check === 31 ? 0 : check);
}

/**
 * True when `code` is an 18-character unified social credit code whose check character is right.
 * Strict: capital letters only and no surrounding spaces; normalise input (trim, upper-case)
 * before calling if you accept free text.
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== "string" || !CODE_SHAPE.test(code)) return false;
  return checkCharacter(code.slice(0, 17)) === code.charAt(17);
}

/**
 * Appends the check character to a 17-character prefix, giving a valid 18-character code.
 * Throws on a prefix of the wrong length or with characters outside the alphabet.
 */
export function withCheckCharacter(first17: string): string {
  if (typeof first17 !== "string" || !PREFIX_SHAPE.test(first17)) {
    throw new Error(
      `A credit code prefix is 17 characters from "${CREDIT_CODE_ALPHABET}": got "${first17}"`,
    );
  }
  return first17 + checkCharacter(first17);
}
