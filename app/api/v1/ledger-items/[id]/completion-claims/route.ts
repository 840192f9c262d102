import { claimCompletionEndpoint } from "@/lib/ledger/api";

export const POST = claimCompletionEndpoint.handler;
