import { exportRegistryEndpoint } from "@/lib/exports/api";

export const GET = exportRegistryEndpoint.handler;
