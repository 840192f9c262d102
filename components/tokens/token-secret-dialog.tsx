"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { field } from "@/components/ui/styles";
import type { CreatedToken } from "@/lib/users/token-schemas";

/** The new token's secret, this one time; closing the dialog forgets it. */
export function TokenSecretDialog({
  token,
  onClose,
}: {
  token: CreatedToken | null;
  onClose: () => void;
}) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      title={t("createdTitle")}
      isOpen={token !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
          onClose();
        }
      }}
      testId="token-secret-dialog"
    >
      {(close) => (
        <div className="space-y-3">
          <p className="text-sm text-slate-800">{t("createdMessage")}</p>
          <code
            className="block rounded border border-slate-300 bg-slate-50 p-2 font-mono text-sm break-all text-slate-900 select-all"
            data-testid="token-secret"
          >
            {token?.token}
          </code>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              className={field.secondary}
              onClick={() => {
                if (token)
                  void navigator.clipboard?.writeText(token.token).then(() => setCopied(true));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </button>
            <button
              type="button"
              className={field.primary}
              onClick={close}
              data-testid="token-secret-close"
            >
              {t("close")}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
