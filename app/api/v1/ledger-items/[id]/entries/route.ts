import { listEntriesEndpoint, recordProgressEndpoint } from "@/lib/ledger/api";

export const GET = listEntriesEndpoint.handler;
export const POST = recordProgressEndpoint.handler;
