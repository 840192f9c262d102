import { uploadEvidenceEndpoint } from "@/lib/ledger/api";

export const POST = uploadEvidenceEndpoint.handler;
