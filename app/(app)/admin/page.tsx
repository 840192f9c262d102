import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminHub");
  return { title: t("title") };
}

const SECTIONS = [
  { key: "programmes", href: "/programmes", action: "catalogue.manage" },
  { key: "enterprises", href: "/enterprises", action: "catalogue.manage" },
  { key: "users", href: "/admin/users", action: "user.manage" },
  { key: "tokens", href: "/admin/tokens", action: "user.manage" },
  { key: "imports", href: "/admin/imports", action: "catalogue.manage" },
  { key: "audit", href: "/audit", action: "audit.read" },
] as const;

/** The administrator's start page: one card a setup task, each only where the role allows it. */
export default async function AdminHubPage() {
  const actor = await requireActor();
  const sections = SECTIONS.filter((s) => can(actor, s.action));
  if (sections.length === 0) return <ForbiddenPanel />;
  const t = await getTranslations("adminHub");
  return (
    <div className="space-y-5" data-testid="admin-hub">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              <span className="block font-medium text-brand-700">{t(s.key)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`${s.key}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
