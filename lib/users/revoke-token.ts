import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { toTokenDto, tokenSelect, visibleTokensWhere } from "./token-queries";
import type { TokenDto } from "./token-schemas";

/**
 * Revokes a token: its owner, or an administrator who manages the owner (anyone else: 404). The
 * next call with it is a 401. Revoking twice answers the same token and writes nothing.
 */
export async function revokeToken(
  actor: Actor,
  options: { id: string; requestId?: string; now?: Date },
): Promise<TokenDto> {
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const found = await tx.apiToken.findFirst({
      where: { AND: [{ id: options.id }, visibleTokensWhere(actor)] },
      select: tokenSelect,
    });
    if (!found) throw new AppError("not_found");
    if (found.revokedAt) return toTokenDto(found, now);
    const row = await tx.apiToken.update({
      where: { id: found.id },
      data: { revokedAt: now },
      select: tokenSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: row.id,
      before: { revokedAt: null },
      after: { name: row.name, prefix: row.prefix, userId: row.userId, revokedAt: now },
      requestId: options.requestId,
    });
    return toTokenDto(row, now);
  });
}
