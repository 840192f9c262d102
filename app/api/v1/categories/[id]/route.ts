import { deleteCategoryEndpoint, updateCategoryEndpoint } from "@/lib/catalogue/api";

export const PATCH = updateCategoryEndpoint.handler;
export const DELETE = deleteCategoryEndpoint.handler;
