"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { field } from "@/components/ui/styles";

/**
 * What a page shows when its server part failed, e.g. while the database is unreachable: a
 * plain explanation, a retry that renders the page again, and the digest that matches the
 * server's log line (never the error's text, which may hold internals).
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("security");
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <main
      id="main"
      className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-20"
    >
      <div
        role="alert"
        data-testid="error-page"
        className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm"
      >
        <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("errorBody")}</p>
        {digest ? (
          <p className="mt-2 text-xs text-slate-600">{t("errorReference", { digest })}</p>
        ) : null}
        <div className="mt-4 flex justify-center gap-3">
          <button type="button" className={field.primary} onClick={() => retry()}>
            {t("errorRetry")}
          </button>
          <Link href="/" className={field.secondary}>
            {t("errorHome")}
          </Link>
        </div>
      </div>
    </main>
  );
}
