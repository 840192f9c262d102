import { downloadEvidenceEndpoint } from "@/lib/ledger/api";

export const GET = downloadEvidenceEndpoint.handler;
