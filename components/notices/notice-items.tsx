"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { asLocale, bilingual, formatDateTime } from "@/components/ui/formats";
import { Section } from "@/components/ui/section";
import { inlineLink } from "@/components/ui/styles";
import type { NoticeDto } from "@/lib/notices/schemas";

/** The ledger items the notice is about, each linking to its page, with its own answer. */
export function NoticeItems({ items, open }: { items: NoticeDto["items"]; open: boolean }) {
  const t = useTranslations("notices");
  const locale = asLocale(useLocale());
  const format = useFormatter();
  return (
    <Section id="items" title={t("itemsHeading", { count: items.length })}>
      <ul className="divide-y divide-slate-200 text-sm" data-testid="notice-items">
        {items.map((i) => (
          <li key={i.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
            <span className="font-mono text-xs text-slate-600">{i.taskCode}</span>
            <Link href={`/ledger/${i.id}`} className={`${inlineLink} font-medium`}>
              {bilingual(locale, i.taskZh, i.taskEn)}
            </Link>
            <span className="text-slate-700">
              {bilingual(locale, i.enterpriseZh, i.enterpriseEn)}
            </span>
            {(i.repliedAt || open) && (
              <span className="text-xs text-slate-600" data-testid="notice-item-answer">
                {i.repliedAt
                  ? t("itemReplied", { at: formatDateTime(format, new Date(i.repliedAt)) })
                  : t("itemReplyOwed")}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
