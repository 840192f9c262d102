import { createProgrammeEndpoint, listProgrammesEndpoint } from "@/lib/catalogue/api";

export const GET = listProgrammesEndpoint.handler;
export const POST = createProgrammeEndpoint.handler;
