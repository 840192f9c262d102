"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError } from "@/lib/api/client";
import {
  afterEnterpriseWrite,
  enterpriseQueries,
  mergeEnterprise,
} from "@/lib/enterprises/query-options";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";

/**
 * Merges this enterprise into another after a reorganisation: pick the surviving enterprise; the
 * confirmation lists what moves (from the API's preview) before anything changes.
 */
export function MergePanel({
  enterprise,
}: {
  enterprise: { id: string; nameZh: string; nameEn: string; version: number };
}) {
  const t = useTranslations("registry.merge");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [survivor, setSurvivor] = useState<EnterpriseSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  const preview = useQuery({
    ...enterpriseQueries.mergePreview(enterprise.id, survivor?.id ?? ""),
    enabled: survivor !== null,
    retry: false,
  });
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const survivorName = survivor ? localName(survivor, locale) : "";

  const submit = () => {
    setFormError(null);
    if (!survivor) return setFieldError(t("pickSurvivor"));
    if (previewError) return;
    setConfirming(true);
  };

  const merge = async () => {
    try {
      await mergeEnterprise(enterprise.id, {
        survivorId: survivor!.id,
        version: enterprise.version,
      });
      afterEnterpriseWrite(queryClient, { ledger: true });
      setMergedInto(survivorName);
      router.refresh();
    } catch (error) {
      const message = error instanceof ApiError ? error.fields.survivorId : undefined;
      if (message) setFieldError(message);
      else setFormError(errorText(error));
    }
  };

  const counts = preview.data;
  return (
    <div
      className="space-y-3"
      data-testid="merge-panel"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {mergedInto && (
        <Notice tone="success" testId="merge-done">
          {t("done", { name: mergedInto })}
        </Notice>
      )}
      {formError && <Notice tone="error">{formError}</Notice>}
      <EnterpriseCombobox
        label={t("survivor")}
        selectedId={survivor?.id ?? null}
        selectedLabel={survivor ? survivorName : null}
        onChange={(picked) => {
          setSurvivor(picked);
          setFieldError(null);
        }}
        errorMessage={
          fieldError ??
          (previewError
            ? (Object.values(previewError.fields)[0] ?? errorText(previewError))
            : undefined)
        }
        testId="merge-survivor"
      />
      {survivor && preview.isPending && (
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("loadingPreview")}
        </p>
      )}
      <button type="button" className={field.danger} onClick={submit} data-testid="merge-submit">
        {t("submit")}
      </button>
      <ConfirmDialog
        isOpen={confirming && counts !== undefined}
        onOpenChange={setConfirming}
        tone="danger"
        title={t("confirmTitle")}
        message={
          counts && (
            <div className="space-y-2" data-testid="merge-preview">
              <p>
                {t("confirmLead", {
                  absorbed: localName(enterprise, locale),
                  survivor: survivorName,
                })}
              </p>
              <ul className="list-disc space-y-0.5 pl-5">
                <li>{t("movedItems", { count: counts.movedItems })}</li>
                <li>{t("notApplicableItems", { count: counts.notApplicableItems })}</li>
                <li>{t("movedChildren", { count: counts.movedChildren })}</li>
                <li>{t("movedGrants", { count: counts.movedGrants })}</li>
              </ul>
            </div>
          )
        }
        confirmLabel={t("submit")}
        onConfirm={merge}
        testId="merge-dialog"
      />
    </div>
  );
}
