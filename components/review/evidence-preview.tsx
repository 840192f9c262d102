"use client";

import { useTranslations } from "next-intl";
import type { ReviewQueueItem } from "@/lib/review/query-options";

type Evidence = ReviewQueueItem["entry"]["evidence"][number];

const IMAGE = new Set(["image/png", "image/jpeg", "image/webp"]);

/**
 * Inline previews of an entry's PDFs and images, loaded lazily (only when the card scrolls into
 * view), through the scoped evidence route's `?inline=1` variant (sandboxed, framed by us only).
 */
export function EvidencePreviews({ evidence }: { evidence: Evidence[] }) {
  const t = useTranslations("review");
  const previewable = evidence.filter(
    (e) => e.kind === "FILE" && (e.mimeType === "application/pdf" || IMAGE.has(e.mimeType ?? "")),
  );
  if (!previewable.length) return null;
  return (
    <ul className="flex flex-wrap gap-3" data-testid="evidence-previews">
      {previewable.map((e) => {
        const src = `/api/v1/evidence/${e.id}?inline=1`;
        const name = e.fileName ?? t("file");
        return (
          <li key={e.id} className="rounded border border-slate-200 bg-slate-50 p-1">
            {e.mimeType === "application/pdf" ? (
              <iframe
                src={src}
                title={t("preview", { name })}
                loading="lazy"
                className="h-64 w-72 bg-white"
                data-testid="evidence-preview-pdf"
              />
            ) : (
              // A scoped, private file: next/image's optimiser would fetch it without the session.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={src}
                alt={t("preview", { name })}
                loading="lazy"
                className="h-40 max-w-72 object-contain"
                data-testid="evidence-preview-image"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
