"use client";

import { useTranslations } from "next-intl";
import { Notice } from "./form";

/** A read that failed, with a way to try again (the data stays where it was, if any). */
export function LoadError({ onRetry, message }: { onRetry: () => void; message?: string }) {
  const t = useTranslations("common");
  return (
    <Notice tone="error">
      {message ?? t("loadFailed")}{" "}
      <button
        type="button"
        onClick={onRetry}
        className="underline focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        {t("retry")}
      </button>
    </Notice>
  );
}
