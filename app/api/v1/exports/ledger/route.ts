import { exportLedgerEndpoint } from "@/lib/exports/api";

export const GET = exportLedgerEndpoint.handler;
