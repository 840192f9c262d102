import { downloadBulletinJobEndpoint } from "@/lib/bulletins/api";

export const GET = downloadBulletinJobEndpoint.handler;
