import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

export default function NotFound() {
  return (
    <main
      id="main"
      className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-20"
    >
      <NotFoundPanel />
    </main>
  );
}
