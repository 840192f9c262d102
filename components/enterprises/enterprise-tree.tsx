"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { asLocale } from "@/components/ui/formats";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { localName } from "@/lib/i18n/config";
import { enterpriseQueries } from "@/lib/enterprises/query-options";

/**
 * The enterprise tree as nested disclosure lists. Children are fetched from the (scoped) API
 * when a node is opened, so a tree of thousands of nodes costs nothing until someone looks.
 */
export function EnterpriseTree({ nodes, label }: { nodes: EnterpriseSummary[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-0.5" data-testid="enterprise-tree">
      {nodes.map((node) => (
        <TreeNode key={node.id} node={node} />
      ))}
    </ul>
  );
}

function TreeNode({ node }: { node: EnterpriseSummary }) {
  const t = useTranslations("enterprises");
  const tc = useTranslations("functionalClass");
  const td = useTranslations("dashboard");
  const locale = asLocale(useLocale());
  const [open, setOpen] = useState(false);
  const childrenId = useId();
  const name = localName(node, locale);

  return (
    <li data-testid="enterprise-node" data-code={node.code}>
      <div className="flex items-center gap-2 rounded px-1 py-1 hover:bg-slate-50">
        {node.childCount > 0 ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={childrenId}
            aria-label={open ? t("collapse", { name }) : t("expand", { name })}
            onClick={() => setOpen((v) => !v)}
            className="flex h-6 w-6 shrink-0 items-center justify-center rounded border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className={`h-3 w-3 transition-transform ${open ? "rotate-90" : ""}`}
            >
              <path d="M5 3l6 5-6 5z" fill="currentColor" />
            </svg>
          </button>
        ) : (
          <span aria-hidden="true" className="inline-block h-6 w-6 shrink-0" />
        )}
        <Link
          href={`/enterprises/${node.id}`}
          className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {name}
        </Link>
        <span className="font-mono text-xs text-slate-600">{node.code}</span>
        {node.functionalClass && (
          <span className="hidden text-xs text-slate-600 sm:inline">
            {tc(node.functionalClass)}
          </span>
        )}
        {node.childCount > 0 && (
          <span className="text-xs text-slate-600">
            {t("childCount", { count: node.childCount })}
          </span>
        )}
        <Link
          href={`/dashboard?enterpriseId=${node.id}`}
          aria-label={td("openForName", { name })}
          className="ml-auto shrink-0 rounded px-1.5 text-xs text-brand-700 underline underline-offset-2 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-brand-700"
          data-testid="tree-dashboard-link"
        >
          {td("openFor")}
        </Link>
      </div>
      {open && (
        <div id={childrenId} className="ml-3 border-l border-slate-200 pl-4">
          <Children parentId={node.id} />
        </div>
      )}
    </li>
  );
}

function Children({ parentId }: { parentId: string }) {
  const t = useTranslations("common");
  const locale = asLocale(useLocale());
  const query = useInfiniteQuery(enterpriseQueries.children(parentId));

  if (query.isPending) {
    return (
      <p role="status" className="py-1 text-sm text-slate-600">
        {t("loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <p className="flex items-center gap-2 py-1 text-sm text-red-800">
        {t("loadFailed")}
        <button
          type="button"
          onClick={() => void query.refetch()}
          className="underline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {t("retry")}
        </button>
      </p>
    );
  }
  const nodes = query.data.pages
    .flatMap((page) => page.items)
    .sort((a, b) => a.code.localeCompare(b.code, locale));
  return (
    <>
      <ul className="space-y-0.5">
        {nodes.map((node) => (
          <TreeNode key={node.id} node={node} />
        ))}
      </ul>
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="mt-1 text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {query.isFetchingNextPage ? t("loading") : t("more")}
        </button>
      )}
    </>
  );
}
