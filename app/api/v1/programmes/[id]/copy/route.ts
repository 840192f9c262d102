import { copyProgrammeEndpoint } from "@/lib/catalogue/api";

export const POST = copyProgrammeEndpoint.handler;
