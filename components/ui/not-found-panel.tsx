import Link from "next/link";
import { useTranslations } from "next-intl";

/** The same answer for a missing record and one outside the scope: nothing to tell them apart. */
export function NotFoundPanel({ asHeading = true }: { asHeading?: boolean }) {
  const t = useTranslations("notFound");
  const Heading = asHeading ? "h1" : "h2";
  return (
    <div
      data-testid="not-found"
      className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm"
    >
      <p className="text-4xl font-semibold text-slate-500" aria-hidden="true">
        404
      </p>
      <Heading className="mt-2 text-xl font-semibold text-slate-900">{t("heading")}</Heading>
      <p className="mt-2 text-sm text-slate-700">{t("body")}</p>
      <Link
        href="/"
        className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t("back")}
      </Link>
    </div>
  );
}
