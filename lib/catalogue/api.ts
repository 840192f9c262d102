import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { AppError } from "@/lib/errors";
import { copyProgramme } from "./copy-programme";
import { createProgramme } from "./create-programme";
import { deleteCategory } from "./delete-category";
import { deleteTask } from "./delete-task";
import { getProgramme, getTask, listProgrammes, listTasks } from "./queries";
import { createCategory, updateCategory } from "./save-category";
import { createTask } from "./save-task";
import {
  CategoryDto,
  CopyProgrammeObject,
  CreateCategoryInput,
  CreateProgrammeObject,
  CreateTaskObject,
  Deleted,
  IdParams,
  ProgrammeDetail,
  ProgrammeList,
  TaskDto,
  TaskList,
  TaskListQuery,
  UpdateCategoryInput,
  UpdateProgrammeObject,
  UpdateTaskObject,
} from "./schemas";
import { updateProgramme } from "./update-programme";
import { updateTask } from "./update-task";

// The endpoints validate the plain objects; the use cases apply the cross-field rules too,
// with the catalogue's own messages.
const PROGRAMMES = "Programmes and catalogue";

export const listProgrammesEndpoint = endpoint(
  {
    method: "get",
    path: "/programmes",
    tag: PROGRAMMES,
    summary: "Programmes the caller can see (drafts only for their owners), newest first",
    permission: "ledger.read",
    response: ProgrammeList,
  },
  ({ actor }) => listProgrammes(actor),
);

export const createProgrammeEndpoint = endpoint(
  {
    method: "post",
    path: "/programmes",
    tag: PROGRAMMES,
    summary: "Create a programme for a supervisor the caller owns, with milestones and targets",
    permission: "catalogue.manage",
    body: CreateProgrammeObject,
    response: ProgrammeDetail,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) =>
    createProgramme(actor, { input: body, locale, requestId }),
);

export const getProgrammeEndpoint = endpoint(
  {
    method: "get",
    path: "/programmes/{id}",
    tag: PROGRAMMES,
    summary: "A programme with its milestones, targets and categories",
    permission: "ledger.read",
    params: IdParams,
    response: ProgrammeDetail,
  },
  async ({ actor, params }) => {
    const programme = await getProgramme(actor, params.id);
    if (!programme) throw new AppError("not_found");
    return programme;
  },
);

export const updateProgrammeEndpoint = endpoint(
  {
    method: "patch",
    path: "/programmes/{id}",
    tag: PROGRAMMES,
    summary:
      "Edit a programme (owners): fields, and milestones and targets as full replacement lists; " +
      "409 on a stale version",
    permission: "catalogue.manage",
    params: IdParams,
    body: UpdateProgrammeObject,
    response: ProgrammeDetail,
  },
  ({ actor, params, body, locale, requestId }) =>
    updateProgramme(actor, { id: params.id, input: body, locale, requestId }),
);

export const copyProgrammeEndpoint = endpoint(
  {
    method: "post",
    path: "/programmes/{id}/copy",
    tag: PROGRAMMES,
    summary:
      "Start the next programme from this one: a draft with its settings, categories, tasks and " +
      "indicators, milestones and targets moved by the offset between the starts (no ledger items)",
    permission: "catalogue.manage",
    params: IdParams,
    body: CopyProgrammeObject,
    response: ProgrammeDetail,
    successStatus: 201,
  },
  ({ actor, params, body, locale, requestId }) =>
    copyProgramme(actor, { sourceId: params.id, input: body, locale, requestId }),
);

export const createCategoryEndpoint = endpoint(
  {
    method: "post",
    path: "/categories",
    tag: PROGRAMMES,
    summary: "Add a task category to a programme (owners)",
    permission: "catalogue.manage",
    body: CreateCategoryInput,
    response: CategoryDto,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => createCategory(actor, { input: body, locale, requestId }),
);

export const updateCategoryEndpoint = endpoint(
  {
    method: "patch",
    path: "/categories/{id}",
    tag: PROGRAMMES,
    summary: "Rename, recode or reorder a category (owners)",
    permission: "catalogue.manage",
    params: IdParams,
    body: UpdateCategoryInput,
    response: CategoryDto,
  },
  ({ actor, params, body, locale, requestId }) =>
    updateCategory(actor, { id: params.id, input: body, locale, requestId }),
);

export const deleteCategoryEndpoint = endpoint(
  {
    method: "delete",
    path: "/categories/{id}",
    refusable: true,
    tag: PROGRAMMES,
    summary: "Delete an unused category: 422 while it has tasks or ledger items (owners)",
    permission: "catalogue.manage",
    params: IdParams,
    response: Deleted,
  },
  ({ actor, params, locale, requestId }) =>
    deleteCategory(actor, { id: params.id, locale, requestId }),
);

export const listTasksEndpoint = endpoint(
  {
    method: "get",
    path: "/tasks",
    tag: PROGRAMMES,
    summary: "The tasks of a programme's catalogue with their indicators; search by code or title",
    permission: "ledger.read",
    query: TaskListQuery,
    response: TaskList,
  },
  ({ actor, query }) => listTasks(actor, query),
);

export const createTaskEndpoint = endpoint(
  {
    method: "post",
    path: "/tasks",
    tag: PROGRAMMES,
    summary: "Add a task with its indicator definitions to a programme's catalogue (owners)",
    permission: "catalogue.manage",
    body: CreateTaskObject,
    response: TaskDto,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => createTask(actor, { input: body, locale, requestId }),
);

export const getTaskEndpoint = endpoint(
  {
    method: "get",
    path: "/tasks/{id}",
    tag: PROGRAMMES,
    summary: "A task with its indicator definitions",
    permission: "ledger.read",
    params: IdParams,
    response: TaskDto,
  },
  async ({ actor, params }) => {
    const task = await getTask(actor, params.id);
    if (!task) throw new AppError("not_found");
    return task;
  },
);

export const updateTaskEndpoint = endpoint(
  {
    method: "patch",
    path: "/tasks/{id}",
    tag: PROGRAMMES,
    summary:
      "Edit a task and its indicators (owners); a new category or main flag moves its ledger " +
      "items' copies and history with it; 409 on a stale version",
    permission: "catalogue.manage",
    params: IdParams,
    body: UpdateTaskObject,
    response: TaskDto,
  },
  ({ actor, params, body, locale, requestId }) =>
    updateTask(actor, { id: params.id, input: body, locale, requestId }),
);

export const deleteTaskEndpoint = endpoint(
  {
    method: "delete",
    path: "/tasks/{id}",
    refusable: true,
    tag: PROGRAMMES,
    summary: "Delete a task never assigned: 422 once it has ledger items (owners)",
    permission: "catalogue.manage",
    params: IdParams,
    response: Deleted,
  },
  ({ actor, params, locale, requestId }) => deleteTask(actor, { id: params.id, locale, requestId }),
);
