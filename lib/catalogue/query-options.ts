/**
 * TanStack Query factories and writers of programmes and the task catalogue
 * (/api/v1/programmes/**, /api/v1/categories/**, /api/v1/tasks/**). Client-safe. Every key
 * starts with `catalogueQueries.all`; a write invalidates it, and the ledger's too when a task's
 * category or main flag may have moved its ledger items' copies.
 */
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { apiRequest, retryUnlessMissing } from "@/lib/api/client";
import { ledgerQueries } from "@/lib/ledger/query-options";
import type {
  CategoryDto,
  CopyProgrammeInput,
  CreateCategoryInput,
  CreateProgrammeInput,
  CreateTaskInput,
  ProgrammeDetail,
  ProgrammeSummary,
  TaskDto,
  UpdateCategoryInput,
  UpdateProgrammeInput,
  UpdateTaskInput,
} from "./schemas";

export const catalogueQueries = {
  all: ["catalogue"] as const,
  programmes: () =>
    queryOptions({
      queryKey: [...catalogueQueries.all, "programmes"] as const,
      queryFn: ({ signal }) =>
        apiRequest<{ items: ProgrammeSummary[] }>("/api/v1/programmes", { signal }),
    }),
  programme: (id: string) =>
    queryOptions({
      queryKey: [...catalogueQueries.all, "programme", id] as const,
      queryFn: ({ signal }) => apiRequest<ProgrammeDetail>(`/api/v1/programmes/${id}`, { signal }),
      retry: retryUnlessMissing,
    }),
  tasks: (programmeId: string) =>
    queryOptions({
      queryKey: [...catalogueQueries.all, "tasks", programmeId] as const,
      queryFn: ({ signal }) =>
        apiRequest<{ items: TaskDto[] }>(
          `/api/v1/tasks?${new URLSearchParams({ programmeId }).toString()}`,
          { signal },
        ),
    }),
  task: (id: string) =>
    queryOptions({
      queryKey: [...catalogueQueries.all, "task", id] as const,
      queryFn: ({ signal }) => apiRequest<TaskDto>(`/api/v1/tasks/${id}`, { signal }),
      retry: retryUnlessMissing,
    }),
};

/** After any catalogue write; `ledger` too when ledger items' copies may have changed. */
export function afterCatalogueWrite(queryClient: QueryClient, { ledger = false } = {}) {
  void queryClient.invalidateQueries({ queryKey: catalogueQueries.all });
  if (ledger) void queryClient.invalidateQueries({ queryKey: ledgerQueries.all });
}

export const createProgramme = (body: CreateProgrammeInput) =>
  apiRequest<ProgrammeDetail>("/api/v1/programmes", { method: "POST", json: body });

export const updateProgramme = (id: string, body: UpdateProgrammeInput) =>
  apiRequest<ProgrammeDetail>(`/api/v1/programmes/${id}`, { method: "PATCH", json: body });

export const copyProgramme = (id: string, body: CopyProgrammeInput) =>
  apiRequest<ProgrammeDetail>(`/api/v1/programmes/${id}/copy`, { method: "POST", json: body });

export const createCategory = (body: CreateCategoryInput) =>
  apiRequest<CategoryDto>("/api/v1/categories", { method: "POST", json: body });

export const updateCategory = (id: string, body: UpdateCategoryInput) =>
  apiRequest<CategoryDto>(`/api/v1/categories/${id}`, { method: "PATCH", json: body });

export const deleteCategory = (id: string) =>
  apiRequest<{ deleted: true }>(`/api/v1/categories/${id}`, { method: "DELETE" });

export const createTask = (body: CreateTaskInput) =>
  apiRequest<TaskDto>("/api/v1/tasks", { method: "POST", json: body });

export const updateTask = (id: string, body: UpdateTaskInput) =>
  apiRequest<TaskDto>(`/api/v1/tasks/${id}`, { method: "PATCH", json: body });

export const deleteTask = (id: string) =>
  apiRequest<{ deleted: true }>(`/api/v1/tasks/${id}`, { method: "DELETE" });
