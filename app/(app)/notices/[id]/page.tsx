import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoticeView } from "@/components/notices/notice-view";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { NoticeParams } from "@/lib/notices/schemas";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices");
  return { title: t("detailMetaTitle") };
}

/**
 * One supervision notice. The notice itself loads through GET /api/v1/notices/{id} (scoped: a
 * notice outside the reader's scope is a 404 there); the page decides which forms to offer.
 */
export default async function NoticePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const parsed = NoticeParams.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  const issued = (await searchParams).issued === "1";
  return (
    <NoticeView
      id={parsed.data.id}
      canReply={can(actor, "notice.reply")}
      canAct={can(actor, "notice.issue")}
      justIssued={issued}
    />
  );
}
