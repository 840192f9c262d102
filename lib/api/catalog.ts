import "server-only";
import { getEnterpriseEndpoint, listEnterprisesEndpoint } from "@/lib/enterprises/api";
import {
  claimCompletionEndpoint,
  downloadEvidenceEndpoint,
  getLedgerItemEndpoint,
  listEntriesEndpoint,
  listLedgerItemsEndpoint,
  recordProgressEndpoint,
  uploadEvidenceEndpoint,
} from "@/lib/ledger/api";
import { getMe } from "@/lib/me/api";
import type { Endpoint } from "./endpoint";

/** Every /api/v1 endpoint, for the OpenAPI document. A new endpoint is added here and in app/api/v1. */
export const API_ENDPOINTS: readonly Endpoint[] = [
  getMe,
  listEnterprisesEndpoint,
  getEnterpriseEndpoint,
  listLedgerItemsEndpoint,
  getLedgerItemEndpoint,
  listEntriesEndpoint,
  recordProgressEndpoint,
  claimCompletionEndpoint,
  uploadEvidenceEndpoint,
  downloadEvidenceEndpoint,
];
