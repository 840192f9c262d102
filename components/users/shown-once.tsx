"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { field } from "@/components/ui/styles";

/** A secret shown this one time (a generated password): selectable text and a copy button. */
export function ShownOnce({ label, value }: { label: string; value: string }) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <span>{label}</span>
      <code
        className="rounded bg-white px-2 py-1 font-mono text-sm text-slate-900 select-all"
        data-testid="shown-once"
      >
        {value}
      </code>
      <button
        type="button"
        className={field.secondary}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </div>
  );
}
