"use client";

import clsx from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES } from "@/lib/i18n/config";

export type SetLocaleAction = (locale: string) => Promise<{ ok: boolean }>;

/**
 * Two buttons, one a language. `setLocale` is the server action that keeps the choice in the
 * NEXT_LOCALE cookie (app/actions/locale.ts), handed down by the page: components do not import app/.
 */
export function LanguageSwitcher({
  setLocale,
  tone = "light",
}: {
  setLocale: SetLocaleAction;
  tone?: "light" | "dark";
}) {
  const t = useTranslations("locale");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div
      role="group"
      aria-label={t("label")}
      className="inline-flex overflow-hidden rounded-md border text-sm"
      data-testid="language-switcher"
      style={{ borderColor: tone === "dark" ? "rgb(255 255 255 / 0.35)" : undefined }}
    >
      {LOCALES.map((locale) => {
        const active = locale === current;
        return (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={active}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                if (active) return;
                await setLocale(locale);
                router.refresh();
              })
            }
            className={clsx(
              "px-2.5 py-1 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2",
              tone === "dark"
                ? active
                  ? "bg-white text-brand-900"
                  : "text-white hover:bg-white/15 focus-visible:outline-white"
                : active
                  ? "bg-brand-700 text-white"
                  : "bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-brand-700",
            )}
          >
            {t(locale)}
          </button>
        );
      })}
    </div>
  );
}
