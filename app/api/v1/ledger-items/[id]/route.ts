import { getLedgerItemEndpoint } from "@/lib/ledger/api";

export const GET = getLedgerItemEndpoint.handler;
