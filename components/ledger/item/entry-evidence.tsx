"use client";

import { useFormatter, useTranslations } from "next-intl";
import { evidenceHref } from "@/lib/ledger/query-options";
import type { EntryDto } from "@/lib/ledger/schemas";

/** An entry's evidence: the files (downloaded through the scope check) and the web links. */
export function EntryEvidence({ evidence }: { evidence: EntryDto["evidence"] }) {
  const t = useTranslations("ledger.timeline");
  const format = useFormatter();
  const files = evidence.filter((e) => e.kind === "FILE");
  const links = evidence.filter((e) => e.kind === "LINK");
  return (
    <>
      {files.length > 0 && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-slate-700">{t("evidence")}</h4>
          <ul className="mt-1 space-y-0.5 text-sm" data-testid="entry-files">
            {files.map((f) => (
              <li key={f.id}>
                <a
                  href={evidenceHref(f.id)}
                  className="text-brand-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-brand-700"
                  download
                >
                  {f.fileName ?? f.id}
                </a>{" "}
                {f.sizeBytes !== null && (
                  <span className="text-xs text-slate-600">
                    (
                    {t("fileSize", {
                      size: format.number(Math.max(1, Math.round(f.sizeBytes / 1024))),
                    })}
                    )
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {links.length > 0 && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold text-slate-700">{t("links")}</h4>
          <ul className="mt-1 space-y-0.5 text-sm" data-testid="entry-links">
            {links.map((l) => (
              <li key={l.id}>
                <a
                  href={l.url ?? "#"}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                  className="break-all text-brand-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  {l.title || l.url}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
