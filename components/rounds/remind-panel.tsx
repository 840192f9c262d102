"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { remindLateUnits } from "@/lib/rounds/query-options";

type Message = { tone: "success" | "info" | "error"; text: string };

/**
 * 一键催报: after the window, an administrator reminds every unit that has not filed. Once a day:
 * a second click the same day says when the first one was and sends nothing.
 */
export function RemindPanel({
  roundId,
  unfiled,
  remindedAt,
}: {
  roundId: string;
  unfiled: number;
  /** When the late units were reminded today, if they were. */
  remindedAt: string | null;
}) {
  const t = useTranslations("rounds.remind");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: "short" });
  const [message, setMessage] = useState<Message | null>(
    remindedAt ? { tone: "info", text: t("already", { time: time(remindedAt) }) } : null,
  );
  const mutation = useMutation({
    mutationFn: () => remindLateUnits(roundId),
    onSuccess: (result) => {
      setMessage(
        result.already
          ? { tone: "info", text: t("already", { time: time(result.remindedAt) }) }
          : { tone: "success", text: t("done", { units: result.units, users: result.users }) },
      );
      router.refresh();
    },
    onError: (error) => setMessage({ tone: "error", text: errorText(error) }),
  });

  if (unfiled === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <div
      className="space-y-3"
      data-testid="remind-panel"
      data-hydrated={hydrated ? "true" : "false"}
    >
      <div aria-live="polite">
        {message && (
          <Notice
            tone={message.tone}
            testId={message.tone === "error" ? "remind-error" : "remind-message"}
          >
            {message.text}
          </Notice>
        )}
      </div>
      <button
        type="button"
        className={field.primary}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
        data-testid="remind-late"
      >
        {mutation.isPending ? t("working") : t("button")}
      </button>
    </div>
  );
}
