import { z } from "zod";
import type { Role } from "@/lib/auth/policy";

/**
 * Roles that may create API tokens for themselves: administrators, and enterprise liaisons whose
 * own systems report progress. Reviewers and managers work at the screen; a token for a
 * reporting system under such a role is created for it by an administrator who manages it.
 */
export const SELF_TOKEN_ROLES: readonly Role[] = ["ADMIN", "LIAISON"];
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

export const CreateTokenInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    userId: z
      .uuid()
      .optional()
      .meta({ description: "Whose token (acts with their role and scope); default: the caller" }),
    expiresOn: z.iso
      .date()
      .optional()
      .meta({
        description: `Last day of validity (China time), within ${TOKEN_MAX_DAYS} days; default ${TOKEN_DEFAULT_DAYS} days`,
      }),
  })
  .meta({ id: "CreateTokenInput" });

export const TOKEN_STATES = ["active", "expired", "revoked"] as const;
export const TokenDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The first characters of the secret, to recognise it; the secret itself is never shown again. */
    prefix: z.string(),
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    state: z.enum(TOKEN_STATES),
  })
  .meta({ id: "ApiToken" });
export type TokenDto = z.infer<typeof TokenDto>;

export const CreatedToken = TokenDto.extend({
  token: z.string().meta({ description: "The secret: answered this once, stored only hashed" }),
}).meta({ id: "CreatedApiToken" });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const TOKEN_PAGE_SIZE = 50;
export const TokenListQuery = z.object({
  userId: z.uuid().optional().meta({ description: "Only this user's tokens" }),
  mine: z.enum(["true", "false"]).optional().meta({ description: "Only the caller's own tokens" }),
  cursor: z.uuid().optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(200).default(TOKEN_PAGE_SIZE),
});
export type TokenListQuery = z.input<typeof TokenListQuery>;
export const TokenList = z
  .object({ items: z.array(TokenDto), nextCursor: z.uuid().nullable() })
  .meta({ id: "ApiTokenList" });
export type TokenList = z.infer<typeof TokenList>;
export const TokenParams = z.object({ id: z.uuid() });
