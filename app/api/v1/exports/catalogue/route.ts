import { exportCatalogueEndpoint } from "@/lib/exports/api";

export const GET = exportCatalogueEndpoint.handler;
