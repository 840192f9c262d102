import { listLedgerItemsEndpoint } from "@/lib/ledger/api";

export const GET = listLedgerItemsEndpoint.handler;
