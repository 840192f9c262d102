"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FilingEnterprisePicker } from "./filing-enterprise-picker";
import { MissingItemsForm } from "./missing-items-form";
import { useFiling, type FilingUnit } from "./use-filing";

/**
 * A liaison files an enterprise's ledger for the round. Filing first checks the open main items:
 * those without an entry for the period are listed, to be reported on their page or ticked
 * "no change"; with every one covered, the filing goes through (marked late after the window).
 */
export function FilingPanel({
  roundId,
  programmeId,
  period,
  lateNow,
  units,
}: {
  roundId: string;
  programmeId: string;
  period: string;
  lateNow: boolean;
  units: FilingUnit[];
}) {
  const t = useTranslations("rounds.file");
  const hydrated = useHydrated();
  const {
    unfiled,
    enterpriseId,
    choose,
    missing,
    ticked,
    setTicked,
    message,
    messageRef,
    pending,
    file,
    reset,
  } = useFiling({ roundId, units });

  if (units.length === 0) return <p className="text-sm text-slate-700">{t("noUnits")}</p>;

  return (
    <div
      className="space-y-4"
      data-testid="filing-panel"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {lateNow && (
        <Notice tone="info" testId="filing-late-warning">
          {t("lateWarning")}
        </Notice>
      )}
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && (
          <Notice
            tone={message.tone}
            testId={message.tone === "success" ? "filing-done" : "filing-message"}
          >
            {message.text}
          </Notice>
        )}
      </div>
      {unfiled.length === 0 ? (
        <p className="text-sm text-slate-800" data-testid="all-filed">
          {t("allFiled", { period })}
        </p>
      ) : (
        <>
          <FilingEnterprisePicker
            unfiled={unfiled}
            enterpriseId={enterpriseId}
            onChoose={choose}
            showCheck={!missing}
            pending={pending}
            onCheck={() => file([], "check")}
          />
          <p className="text-sm text-slate-700">{t("explain", { period })}</p>

          {missing && (
            <MissingItemsForm
              enterpriseId={enterpriseId}
              programmeId={programmeId}
              period={period}
              missing={missing}
              ticked={ticked}
              setTicked={setTicked}
              pending={pending}
              onSubmit={() => file([...ticked], "submit")}
              onCancel={reset}
            />
          )}
        </>
      )}
    </div>
  );
}
