import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ApplicabilityAction } from "@/components/assignments/applicability-action";
import { ItemView } from "@/components/ledger/item/item-view";
import { asLocale, bilingual } from "@/components/ui/formats";
import { canSetApplicability } from "@/lib/assignments/set-applicability";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { reportableMonths } from "@/lib/ledger/period";
import { getLedgerItem } from "@/lib/ledger/queries";
import { ItemParams } from "@/lib/ledger/schemas";
import { chinaDay } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

/** The item, or null for a malformed id, a missing one, or one outside the scope alike. */
const load = cache(async (rawId: string) => {
  const actor = await requireActor();
  const parsed = ItemParams.safeParse({ id: rawId });
  return parsed.success ? getLedgerItem(actor, parsed.data.id) : null;
});

/** When the server read the item (the client's copy counts as fresh from then). */
const readAt = cache((_id: string) => Date.now());

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id);
  if (!item) return { title: (await getTranslations("notFound"))("title") };
  const locale = asLocale(await getLocale());
  return {
    title: `${item.task.code} ${bilingual(locale, item.task.titleZh, item.task.titleEn) ?? ""}`,
  };
}

export default async function LedgerItemPage({ params }: Props) {
  const item = await load((await params).id);
  if (!item) notFound();
  const actor = await requireActor();
  const periods = reportableMonths(item.programme, chinaDay(new Date()));
  return (
    <ItemView
      initial={item}
      periods={periods}
      renderedAt={readAt(item.id)}
      canIssueNotice={can(actor, "notice.issue")}
      ownerActions={
        (await canSetApplicability(actor, item.id)) ? <ApplicabilityAction initial={item} /> : null
      }
    />
  );
}
