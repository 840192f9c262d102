import { createCategoryEndpoint } from "@/lib/catalogue/api";

export const POST = createCategoryEndpoint.handler;
