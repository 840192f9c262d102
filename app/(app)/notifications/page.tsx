import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { NotificationsList } from "@/components/notifications/notifications-list";
import { asLocale } from "@/components/ui/formats";
import { requireActor } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** The reader's notifications, newest first (the first 200), rendered in their language. */
export default async function NotificationsPage() {
  const actor = await requireActor();
  const locale = asLocale(await getLocale());
  const [t, items, unread] = await Promise.all([
    getTranslations("notifications"),
    listNotifications(actor, { locale, limit: 200 }),
    unreadCount(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="notifications-page">
      <PageHeader title={t("title")} intro={t("intro")} />
      <NotificationsList initial={{ items, unread }} renderedAt={renderedAt()} />
    </div>
  );
}

function renderedAt() {
  return Date.now();
}
