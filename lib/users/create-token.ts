import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { newTokenSecret } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { parseInput } from "@/lib/i18n/zod";
import { addDays, chinaDay, chinaDeadline, parseIsoDay } from "@/lib/time";
import { findManagedUser } from "./managed";
import { toTokenDto, tokenSelect } from "./token-queries";
import {
  CreateTokenInput,
  SELF_TOKEN_ROLES,
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
  type CreatedToken,
} from "./token-schemas";

/**
 * Creates an API token. It belongs to a user and acts with that user's role and scope, read
 * afresh on every call. Who may create one: anyone whose role is in SELF_TOKEN_ROLES, for
 * themselves; an administrator, for a user they manage (e.g. a reporting system's service user).
 * Only from a signed-in session: a token cannot mint tokens. Valid to the end of a China day, at
 * most a year ahead; the secret is answered once and stored hashed.
 */
export async function createToken(
  actor: Actor,
  options: { input: unknown; locale: Locale; requestId?: string; now?: Date },
): Promise<CreatedToken> {
  if (actor.via !== "session") throw new AppError("forbidden");
  const input = parseInput(CreateTokenInput, options.input, options.locale);
  const now = options.now ?? new Date();
  const today = chinaDay(now);
  const lastDay = input.expiresOn
    ? parseIsoDay(input.expiresOn)
    : addDays(today, TOKEN_DEFAULT_DAYS);
  if (lastDay < today)
    throw new AppError("validation_failed", undefined, { expiresOn: "dateInPast" });
  if (lastDay > addDays(today, TOKEN_MAX_DAYS))
    throw new AppError("validation_failed", undefined, {
      expiresOn: translator(options.locale)("tokens.errors.tooLong", { days: TOKEN_MAX_DAYS }),
    });
  const userId = input.userId ?? actor.id;

  return getDb().$transaction(async (tx) => {
    if (userId === actor.id) {
      if (!SELF_TOKEN_ROLES.includes(actor.role)) throw new AppError("forbidden");
    } else {
      const user = await findManagedUser(tx, actor, userId);
      if (!user.active)
        throw new AppError("validation_failed", undefined, {
          userId: translator(options.locale)("tokens.errors.inactiveUser"),
        });
    }
    const secret = newTokenSecret();
    const row = await tx.apiToken.create({
      data: {
        userId,
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.tokenHash,
        expiresAt: chinaDeadline(lastDay),
      },
      select: tokenSelect,
    });
    const token = toTokenDto(row, now);
    await recordAudit(tx, {
      actor,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: token.name, prefix: token.prefix, userId, expiresAt: token.expiresAt },
      requestId: options.requestId,
    });
    return { ...token, token: secret.token };
  });
}
