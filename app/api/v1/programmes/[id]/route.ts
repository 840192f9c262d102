import { getProgrammeEndpoint, updateProgrammeEndpoint } from "@/lib/catalogue/api";

export const GET = getProgrammeEndpoint.handler;
export const PATCH = updateProgrammeEndpoint.handler;
