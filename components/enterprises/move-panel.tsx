"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError } from "@/lib/api/client";
import { afterEnterpriseWrite, moveEnterprise } from "@/lib/enterprises/query-options";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";
import type { SupervisorOption } from "./enterprise-form";

/**
 * Moves the enterprise with its subtree: pick the new parent (or make it a group) and, if it
 * changes hands, the supervisor afterwards; the preview says how many enterprises move, and a
 * confirmation comes before the change.
 */
export function MovePanel({
  enterprise,
  supervisors,
}: {
  enterprise: {
    id: string;
    nameZh: string;
    nameEn: string;
    version: number;
    subtreeSize: number;
    supervisor: SupervisorOption;
  };
  /** Supervisors the administrator owns: a handover can go to these only. */
  supervisors: SupervisorOption[];
}) {
  const t = useTranslations("registry.move");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [makeGroup, setMakeGroup] = useState(false);
  const [parent, setParent] = useState<EnterpriseSummary | null>(null);
  const [supervisorId, setSupervisorId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const name = localName(enterprise, locale);
  const after =
    supervisors.find((s) => s.id === supervisorId) ??
    (!makeGroup && parent ? parent.supervisor : enterprise.supervisor);
  const ready = makeGroup || parent !== null;

  const submit = () => {
    setDone(false);
    setFormError(null);
    if (!ready) return setFieldError(t("pickParent"));
    setFieldError(null);
    setConfirming(true);
  };

  const move = async () => {
    try {
      await moveEnterprise(enterprise.id, {
        parentId: makeGroup ? null : parent!.id,
        ...(supervisorId ? { supervisorId } : {}),
        version: enterprise.version,
      });
      afterEnterpriseWrite(queryClient);
      setDone(true);
      router.refresh();
    } catch (error) {
      const message = error instanceof ApiError ? error.fields.parentId : undefined;
      if (message) setFieldError(message);
      else setFormError(errorText(error));
    }
  };

  return (
    <div className="space-y-3" data-testid="move-panel" data-hydrated={hydrated ? "true" : "false"}>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {done && (
        <Notice tone="success" testId="move-done">
          {t("done")}
        </Notice>
      )}
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className="flex items-center gap-2">
        <input
          id="move-make-group"
          type="checkbox"
          checked={makeGroup}
          onChange={(e) => setMakeGroup(e.target.checked)}
          className="h-4 w-4 rounded border-slate-400"
        />
        <label htmlFor="move-make-group" className="text-sm text-slate-800">
          {t("makeGroup")}
        </label>
      </div>
      <EnterpriseCombobox
        label={t("newParent")}
        selectedId={parent?.id ?? null}
        selectedLabel={parent ? localName(parent, locale) : null}
        onChange={(picked) => {
          setParent(picked);
          setFieldError(null);
        }}
        isDisabled={makeGroup}
        errorMessage={fieldError ?? undefined}
        testId="move-parent"
      />
      <div>
        <label htmlFor="move-supervisor" className={field.label}>
          {t("supervisor")}
        </label>
        <select
          id="move-supervisor"
          value={supervisorId}
          onChange={(e) => setSupervisorId(e.target.value)}
          className={field.input()}
        >
          <option value="">{t("supervisorDefault")}</option>
          {supervisors.map((s) => (
            <option key={s.id} value={s.id}>
              {localName(s, locale)}
            </option>
          ))}
        </select>
      </div>
      {ready && (
        <p className="text-sm text-slate-800" data-testid="move-preview" aria-live="polite">
          {t("preview", { count: enterprise.subtreeSize })}{" "}
          {after.id !== enterprise.supervisor.id &&
            t("previewSupervisor", { name: localName(after, locale) })}
        </p>
      )}
      <button type="button" className={field.primary} onClick={submit} data-testid="move-submit">
        {t("submit")}
      </button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={t("confirmTitle")}
        message={
          makeGroup
            ? t("confirmMessageGroup", { name, count: enterprise.subtreeSize })
            : t("confirmMessage", {
                name,
                count: enterprise.subtreeSize,
                parent: parent ? localName(parent, locale) : "",
              })
        }
        confirmLabel={t("submit")}
        onConfirm={move}
        testId="move-dialog"
      />
    </div>
  );
}
