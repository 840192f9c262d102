import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { deleteView } from "./delete-view";
import { listSavedViews } from "./queries";
import { saveView } from "./save-view";
import { SavedViewDto, SavedViewList, SavedViewParams, SaveViewInput } from "./schemas";

export const listSavedViewsEndpoint = endpoint(
  {
    method: "get",
    path: "/saved-views",
    tag: "Saved views",
    summary: "The caller's saved ledger views (named sets of filters), by name",
    permission: "ledger.read",
    response: SavedViewList,
  },
  async ({ actor }) => ({ items: await listSavedViews(actor) }),
);

export const saveViewEndpoint = endpoint(
  {
    method: "post",
    path: "/saved-views",
    tag: "Saved views",
    summary: "Save the current ledger view under a name (unique per user; 422 when taken)",
    permission: "ledger.read",
    body: SaveViewInput,
    response: SavedViewDto,
    successStatus: 201,
  },
  ({ actor, body, requestId }) => saveView(actor, body, requestId),
);

export const deleteSavedViewEndpoint = endpoint(
  {
    method: "delete",
    path: "/saved-views/{id}",
    tag: "Saved views",
    summary: "Delete one of the caller's saved views (anyone else's is a 404)",
    permission: "ledger.read",
    params: SavedViewParams,
    response: z.object({ deleted: z.literal(true) }),
  },
  async ({ actor, params, requestId }) => {
    await deleteView(actor, params.id, requestId);
    return { deleted: true as const };
  },
);
