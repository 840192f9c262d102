"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useErrorText } from "@/components/ui/form";
import { asLocale, formatDateTime } from "@/components/ui/formats";
import { ApiError } from "@/lib/api/client";
import { localName } from "@/lib/i18n/config";
import { afterFiling, fileRound } from "@/lib/rounds/query-options";

export type FilingUnit = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  filedAt: string | null;
  late: boolean;
};
export type FilingMessage = { tone: "success" | "error" | "info"; text: string };
type Step = "check" | "submit";

/**
 * The state of filing one enterprise after another: the chosen enterprise, the main items it
 * still has to cover (from the API's 422), the ones ticked "no change", and the message to show.
 */
export function useFiling({ roundId, units }: { roundId: string; units: FilingUnit[] }) {
  const t = useTranslations("rounds.file");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const router = useRouter();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const unfiled = units.filter((u) => !u.filedAt);
  const [enterpriseId, setEnterpriseId] = useState(unfiled[0]?.id ?? "");
  const [missing, setMissing] = useState<string[] | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<FilingMessage | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const selected = units.find((u) => u.id === enterpriseId);

  const say = (next: FilingMessage) => {
    setMessage(next);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const mutation = useMutation({
    mutationFn: ({
      unit,
      noChangeItemIds,
    }: {
      unit: FilingUnit;
      noChangeItemIds: string[];
      step: Step;
    }) => fileRound(roundId, { enterpriseId: unit.id, noChangeItemIds }),
    onMutate: () => setMessage(null),
    onSuccess: (result, { unit }) => {
      afterFiling(queryClient);
      const name = localName(unit, locale);
      const at = formatDateTime(format, new Date(result.filedAt));
      say({
        tone: "success",
        text: [
          result.late
            ? t("filedLate", { enterprise: name, at })
            : t("filed", { enterprise: name, at }),
          result.noChangeEntries ? t("noChangeFiled", { count: result.noChangeEntries }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      });
      setMissing(null);
      setTicked(new Set());
      setEnterpriseId(unfiled.find((u) => u.id !== unit.id)?.id ?? "");
      router.refresh();
    },
    onError: (error, { step }) => {
      const ids =
        error instanceof ApiError && error.status === 422
          ? (error.details.missingItemIds as string[] | undefined)
          : undefined;
      if (ids?.length) {
        setMissing(ids);
        setTicked((prev) => new Set([...prev].filter((id) => ids.includes(id))));
        // The check lists what is missing; a filing that still leaves items out is an error.
        say(
          step === "check"
            ? { tone: "info", text: t("itemsToCover", { count: ids.length }) }
            : { tone: "error", text: errorText(error) },
        );
      } else {
        say({ tone: "error", text: errorText(error) });
      }
    },
  });

  /** Files the chosen enterprise, with the items ticked "no change" (none for the first check). */
  const file = (noChangeItemIds: string[], step: Step) => {
    if (!selected) return;
    mutation.mutate({ unit: selected, noChangeItemIds, step });
  };
  /** Back to choosing: forget the missing items, the ticks and the message. */
  const reset = () => {
    setMissing(null);
    setTicked(new Set());
    setMessage(null);
  };
  const choose = (id: string) => {
    setEnterpriseId(id);
    reset();
  };

  return {
    unfiled,
    enterpriseId,
    choose,
    missing,
    ticked,
    setTicked,
    message,
    messageRef,
    pending: mutation.isPending,
    file,
    reset,
  };
}
