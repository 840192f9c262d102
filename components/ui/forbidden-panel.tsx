import Link from "next/link";
import { useTranslations } from "next-intl";

/** A page the signed-in user's role may not use: said plainly, with the way home. */
export function ForbiddenPanel() {
  const t = useTranslations("errors");
  return (
    <div
      data-testid="forbidden"
      className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm"
    >
      <p className="text-4xl font-semibold text-slate-500" aria-hidden="true">
        403
      </p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{t("forbidden")}</h1>
      <Link
        href="/"
        className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t("home")}
      </Link>
    </div>
  );
}
