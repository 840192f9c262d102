"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "react-aria-components";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/form";
import { formatDateTime } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { revokeToken } from "@/lib/users/query-options";
import type { TokenDto } from "@/lib/users/token-schemas";

const TONE = { active: "success", expired: "neutral", revoked: "danger" } as const;

/** Tokens with their prefix (never the secret), last use, expiry and state; revoke after asking. */
export function TokensTable({ tokens, showUser }: { tokens: TokenDto[]; showUser: boolean }) {
  const t = useTranslations("tokens");
  const format = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  if (tokens.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  const when = (iso: string | null, empty: string) =>
    iso ? formatDateTime(format, new Date(iso)) : empty;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="tokens-table">
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("columns.name")}
            </th>
            {showUser && (
              <th scope="col" className={table.th}>
                {t("columns.user")}
              </th>
            )}
            <th scope="col" className={table.th}>
              {t("columns.prefix")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.created")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.lastUsed")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.expires")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.state")}
            </th>
            <th scope="col" className={table.th}>
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr
              key={token.id}
              className={table.tr}
              data-testid="token-row"
              data-token-id={token.id}
              data-state={token.state}
            >
              <td className={table.td}>{token.name}</td>
              {showUser && (
                <td className={table.td}>
                  {token.displayName}{" "}
                  <span className="text-xs text-slate-600">{token.username}</span>
                </td>
              )}
              <td className={table.td}>
                <code className="font-mono text-xs" data-testid="token-prefix">
                  {token.prefix}…
                </code>
              </td>
              <td className={table.td}>{when(token.createdAt, "")}</td>
              <td className={table.td}>{when(token.lastUsedAt, t("never"))}</td>
              <td className={table.td}>{when(token.expiresAt, t("noExpiry"))}</td>
              <td className={table.td}>
                <Badge tone={TONE[token.state]}>{t(`states.${token.state}`)}</Badge>
              </td>
              <td className={table.td}>
                {token.state !== "revoked" && (
                  <ConfirmDialog
                    title={t("revokeTitle", { name: token.name })}
                    message={t("revokeMessage", { prefix: token.prefix })}
                    tone="danger"
                    confirmLabel={t("revoke")}
                    onConfirm={async () => {
                      await revokeToken(token.id);
                      router.refresh();
                    }}
                    errorMessage={errorText}
                    testId="revoke-token-dialog"
                    trigger={
                      <Button
                        className="text-sm text-red-800 underline focus-visible:outline-2 focus-visible:outline-red-700"
                        aria-label={t("revokeLabel", { name: token.name })}
                        data-testid="revoke-token"
                      >
                        {t("revoke")}
                      </Button>
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
