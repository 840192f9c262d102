import "server-only";
import { escapeLike } from "@/lib/db/contains-pattern";
import type { Actor } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import { canManageProgramme, programmeReadWhere } from "./access";
import type { ProgrammeDetail, ProgrammeSummary, TaskDto } from "./schemas";
import {
  programmeDetailInclude,
  supervisorSelect,
  taskInclude,
  toProgrammeDetail,
  toTaskDto,
} from "./to-dto";

/** The programmes the actor can see, newest first, with what they may change. */
export async function listProgrammes(actor: Actor): Promise<{ items: ProgrammeSummary[] }> {
  const rows = await getDb().programme.findMany({
    where: programmeReadWhere(actor),
    include: {
      supervisor: { select: supervisorSelect },
      _count: { select: { categories: true, tasks: true } },
    },
    orderBy: [{ startDate: "desc" }, { code: "asc" }],
  });
  return {
    items: rows.map((p) => ({
      id: p.id,
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      status: p.status,
      startDate: isoDay(p.startDate),
      endDate: isoDay(p.endDate),
      supervisor: p.supervisor,
      categories: p._count.categories,
      tasks: p._count.tasks,
      canManage: canManageProgramme(actor, p),
    })),
  };
}

/** One programme with its milestones, targets and categories; null when not visible. */
export async function getProgramme(actor: Actor, id: string): Promise<ProgrammeDetail | null> {
  const programme = await getDb().programme.findFirst({
    where: { AND: [{ id }, programmeReadWhere(actor)] },
    include: programmeDetailInclude,
  });
  return programme ? toProgrammeDetail(programme, canManageProgramme(actor, programme)) : null;
}

/** The catalogue's tasks of a visible programme (empty when not visible), by category order and code. */
export async function listTasks(
  actor: Actor,
  query: { programmeId: string; categoryId?: string; q?: string },
): Promise<{ items: TaskDto[] }> {
  const q = query.q?.trim();
  const where: Prisma.TaskWhereInput = {
    programmeId: query.programmeId,
    programme: programmeReadWhere(actor),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(q
      ? {
          OR: [
            { code: { contains: escapeLike(q), mode: "insensitive" } },
            { titleZh: { contains: escapeLike(q), mode: "insensitive" } },
            { titleEn: { contains: escapeLike(q), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const tasks = await getDb().task.findMany({
    where,
    include: taskInclude,
    orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
  return { items: tasks.map(toTaskDto) };
}

/** One task of a visible programme, or null. */
export async function getTask(actor: Actor, id: string): Promise<TaskDto | null> {
  const task = await getDb().task.findFirst({
    where: { id, programme: programmeReadWhere(actor) },
    include: taskInclude,
  });
  return task ? toTaskDto(task) : null;
}

/** The supervisors the actor may give a programme to (the create and copy forms' choices). */
export async function ownedSupervisors(actor: Actor) {
  if (!can(actor, "catalogue.manage")) return [];
  return getDb().supervisor.findMany({
    where: actor.scopeAll ? {} : { id: { in: [...actor.supervisorIds] } },
    select: supervisorSelect,
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
}
