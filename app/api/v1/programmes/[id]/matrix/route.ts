import { matrixEndpoint } from "@/lib/assignments/api";

export const GET = matrixEndpoint.handler;
