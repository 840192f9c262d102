/**
 * TanStack Query option factories and fetchers for the work-ledger API (/api/v1/ledger-items/**).
 * Client-safe: no server-only imports, only zod schemas and types. Keys are built here and only
 * here, so a mutation invalidates exactly what the pages read.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiRequest, apiUpload, retryUnlessMissing } from "@/lib/api/client";
import type { CommentDto, MentionableUser, PostCommentInput } from "@/lib/comments/schemas";
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  LEDGER_SORTS,
  LedgerListQuery,
  type ClaimCompletionInput,
  type EntryDto,
  type EvidenceDto,
  type LedgerItemDetail,
  type LedgerItemRow,
  type LedgerPage,
  type ListColour,
  type RecordProgressInput,
} from "./schemas";

/** Rows a page of the ledger holds (the API allows up to 200). */
export const LEDGER_PAGE_SIZE = 50;

/** The filters and sort of a ledger view: what the URL's query string carries. */
export type LedgerView = {
  programmeId?: string;
  categoryId?: string;
  status?: LedgerItemRow["status"];
  mainOnly?: boolean;
  overdue?: boolean;
  enterpriseId?: string;
  supervisorId?: string;
  /** A dashboard figure's drill-down: the population as of this China day (YYYY-MM-DD). */
  asOf?: string;
  completed?: boolean;
  colour?: ListColour;
  /** Items that need the viewer's action (see the API's `needsAction`). */
  needsAction?: boolean;
  q?: string;
  sort: (typeof LEDGER_SORTS)[number];
  order: "asc" | "desc";
};

type ViewKey = keyof LedgerView;

/** The list's order when the URL names none: what needs doing first. */
export const DEFAULT_LEDGER_SORT = "urgency";

/** The list behind a home page's count card (an address of /ledger). */
export function ledgerViewHref(filter: Partial<LedgerView>): string {
  const search = ledgerViewSearch({ sort: DEFAULT_LEDGER_SORT, order: "asc", ...filter });
  return search.size ? `/ledger?${search}` : "/ledger";
}

/**
 * Reads a ledger view from a query string, key by key, so that one bad value (a stale link, a
 * hand-edited URL) drops that filter instead of the whole view.
 */
export function parseLedgerView(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): LedgerView {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const shape = LedgerListQuery.shape;
  const pick = <T>(
    key: ViewKey,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  ) => {
    const raw = get(key);
    if (raw === undefined || raw === "") return undefined;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  const q = pick("q", shape.q);
  return {
    programmeId: pick("programmeId", shape.programmeId),
    categoryId: pick("categoryId", shape.categoryId),
    status: pick("status", shape.status),
    mainOnly: pick("mainOnly", shape.mainOnly) || undefined,
    overdue: pick("overdue", shape.overdue) || undefined,
    enterpriseId: pick("enterpriseId", shape.enterpriseId),
    supervisorId: pick("supervisorId", shape.supervisorId),
    asOf: pick("asOf", shape.asOf),
    completed: pick("completed", shape.completed),
    colour: pick("colour", shape.colour),
    needsAction: pick("needsAction", shape.needsAction) || undefined,
    q: q ? q : undefined,
    sort: pick("sort", shape.sort) ?? DEFAULT_LEDGER_SORT,
    order: pick("order", shape.order) ?? "asc",
  };
}

/** The query string of a view, without defaults, so shared links stay short. */
export function ledgerViewSearch(view: LedgerView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.programmeId) out.set("programmeId", view.programmeId);
  if (view.categoryId) out.set("categoryId", view.categoryId);
  if (view.status) out.set("status", view.status);
  if (view.mainOnly) out.set("mainOnly", "true");
  if (view.overdue) out.set("overdue", "true");
  if (view.enterpriseId) out.set("enterpriseId", view.enterpriseId);
  if (view.supervisorId) out.set("supervisorId", view.supervisorId);
  if (view.asOf) out.set("asOf", view.asOf);
  if (view.completed !== undefined) out.set("completed", String(view.completed));
  if (view.colour) out.set("colour", view.colour);
  if (view.needsAction) out.set("needsAction", "true");
  if (view.q) out.set("q", view.q);
  if (view.sort !== DEFAULT_LEDGER_SORT) out.set("sort", view.sort);
  if (view.order !== "asc") out.set("order", view.order);
  return out;
}

/** The filters of a one-page read (`ledgerQueries.page`). */
export type LedgerPageParams = {
  programmeId?: string;
  enterpriseId?: string;
  status?: LedgerItemRow["status"];
  mainOnly?: boolean;
  overdue?: boolean;
  q?: string;
  sort?: (typeof LEDGER_SORTS)[number];
  limit: number;
};

function ledgerPageSearch(params: LedgerPageParams): URLSearchParams {
  const out = new URLSearchParams({ limit: String(params.limit) });
  for (const key of ["programmeId", "enterpriseId", "status", "q", "sort"] as const) {
    const value = params[key];
    if (value) out.set(key, value);
  }
  if (params.mainOnly) out.set("mainOnly", "true");
  if (params.overdue) out.set("overdue", "true");
  return out;
}

export const ledgerQueries = {
  all: ["ledger"] as const,
  lists: () => [...ledgerQueries.all, "list"] as const,
  list: (view: LedgerView) =>
    infiniteQueryOptions({
      queryKey: [...ledgerQueries.lists(), view] as const,
      queryFn: ({ pageParam, signal }) => {
        const search = ledgerViewSearch(view);
        search.set("limit", String(LEDGER_PAGE_SIZE));
        if (pageParam) search.set("cursor", pageParam);
        return apiRequest<LedgerPage>(`/api/v1/ledger-items?${search}`, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  items: () => [...ledgerQueries.all, "item"] as const,
  item: (id: string) =>
    queryOptions({
      queryKey: [...ledgerQueries.items(), id] as const,
      queryFn: ({ signal }) =>
        apiRequest<LedgerItemDetail>(`/api/v1/ledger-items/${id}`, { signal }),
      retry: retryUnlessMissing,
    }),
  /** The item's comments (under the item's key: a write that refreshes the item refreshes them). */
  comments: (id: string) =>
    queryOptions({
      queryKey: [...ledgerQueries.items(), id, "comments"] as const,
      queryFn: ({ signal }) =>
        apiRequest<{ items: CommentDto[] }>(`/api/v1/ledger-items/${id}/comments`, { signal }),
    }),
  /**
   * One page of ledger items for a picker (the notice form's candidates, a round's missing items):
   * under the ledger's list key, so every write that refreshes the ledger refreshes these too.
   */
  page: (params: LedgerPageParams) =>
    queryOptions({
      queryKey: [...ledgerQueries.lists(), "page", params] as const,
      queryFn: ({ signal }) =>
        apiRequest<LedgerPage>(`/api/v1/ledger-items?${ledgerPageSearch(params)}`, { signal }),
    }),
};

/** GET /api/v1/ledger-items/{id}/mentionable: users whose scope covers the item (a picker's search). */
export async function searchMentionable(
  itemId: string,
  q: string,
  signal: AbortSignal,
): Promise<MentionableUser[]> {
  const search = new URLSearchParams(q ? { q } : {});
  const res = await apiRequest<{ items: MentionableUser[] }>(
    `/api/v1/ledger-items/${itemId}/mentionable?${search}`,
    { signal },
  );
  return res.items;
}

/** POST /api/v1/ledger-items/{id}/comments. Throws ApiError (422 on `mentions`). */
export function postComment(itemId: string, body: PostCommentInput): Promise<CommentDto> {
  return apiRequest<CommentDto>(`/api/v1/ledger-items/${itemId}/comments`, {
    method: "POST",
    json: body,
  });
}

export type EntryWriteResult = { entry: EntryDto; item: LedgerItemRow };

/** The 409's details: the item as it is now and what changed since the version the user saw. */
export type ConflictDetails = {
  current: LedgerItemRow;
  changes: { at: string; action: string; by: string | null; after: unknown }[];
};

/** POST /api/v1/ledger-items/{id}/entries. Throws ApiError (422 fields, 409 details). */
export function postProgressEntry(
  itemId: string,
  body: RecordProgressInput,
): Promise<EntryWriteResult> {
  return apiRequest<EntryWriteResult>(`/api/v1/ledger-items/${itemId}/entries`, {
    method: "POST",
    json: body,
  });
}

/** POST /api/v1/ledger-items/{id}/completion-claims. */
export function postCompletionClaim(
  itemId: string,
  body: ClaimCompletionInput,
): Promise<EntryWriteResult> {
  return apiRequest<EntryWriteResult>(`/api/v1/ledger-items/${itemId}/completion-claims`, {
    method: "POST",
    json: body,
  });
}

/** Extensions accepted for evidence, for the file picker and the check before uploading. */
export const EVIDENCE_EXTENSIONS = [...new Set(Object.values(EVIDENCE_TYPES).flat())];
export { EVIDENCE_MAX_BYTES };

/** What the client can tell before uploading: the server checks again, by content. */
export function evidenceProblem(file: {
  name: string;
  size: number;
}): "fileEmpty" | "fileTooLarge" | "fileTypeNotAllowed" | null {
  if (file.size === 0) return "fileEmpty";
  if (file.size > EVIDENCE_MAX_BYTES) return "fileTooLarge";
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!EVIDENCE_EXTENSIONS.includes(ext)) return "fileTypeNotAllowed";
  return null;
}

/**
 * POST /api/v1/ledger-items/{id}/evidence as multipart with upload progress (fetch cannot report
 * upload progress, XMLHttpRequest can). Rejects with ApiError; `abort()` cancels.
 */
export function uploadEvidenceFile(
  itemId: string,
  file: File,
  onProgress: (fraction: number) => void,
): { promise: Promise<EvidenceDto>; abort: () => void } {
  return apiUpload<EvidenceDto>(`/api/v1/ledger-items/${itemId}/evidence`, file, onProgress);
}

/** The download address of an evidence file (served through the scope check). */
export const evidenceHref = (evidenceId: string) => `/api/v1/evidence/${evidenceId}`;
