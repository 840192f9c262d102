import { useTranslations } from "next-intl";

export default function DashboardLoading() {
  const t = useTranslations("common");
  return (
    <p role="status" className="py-10 text-center text-sm text-slate-600">
      {t("loading")}
    </p>
  );
}
