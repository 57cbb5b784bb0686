import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { CourseRow } from '../../store/index.js';
import { looseString } from '../shared/index.js';
import { InsperaError, MESSAGES } from './wire-errors.js';
import { pageOf } from './user-view.js';

/** A course in Inspera's shape; what Origo does not keep (description, year, level, ...) is null. */
function courseView(c: CourseRow): Record<string, unknown> {
  return {
    id: c.public_id,
    title: c.name,
    description: null,
    departmentId: null,
    year: null,
    code: c.code,
    createdBy: null,
    status: 'active',
    isDeleted: false,
    type: null,
    level: null,
    generation: null,
    createdAt: c.created_at,
    updatedAt: c.created_at,
  };
}

/** GET /courses-info (paged, or one course by courseCode) and GET /institution-info (faculties and departments = organisation units). */
export function institutionRoutes(app: FastifyInstance, services: Services): void {
  app.get('/courses-info', async (req) => {
    const p = req.insperaPrincipal!;
    const code = looseString(req.wire!.params.courseCode)?.trim();
    if (code) {
      // Courses carry their code; an organisation has few enough that a scan of the first 500 finds it.
      const all = await services.assignments.listCourses(p, { limit: 500 });
      const course = all.items.find((c) => c.code === code);
      if (!course) throw new InsperaError(404, MESSAGES.courseNotFound);
      return { message: 'Course details successfully retrieved', ...courseView(course) };
    }
    const pg = pageOf(req.wire!.params.page, req.wire!.params.limit);
    const result = await services.assignments.listCourses(p, { limit: pg.limit, offset: pg.offset });
    return { page: pg.page, pages: Math.ceil(result.total / pg.limit), total: result.total, limit: pg.limit, courses: result.items.map(courseView) };
  });

  app.get('/institution-info', async (req) => {
    const p = req.insperaPrincipal!;
    const org = (await services.organisations.byIdUnchecked(p.organisationId))!;
    const units = await services.organisations.listUnits(p);
    const top = units.filter((u) => u.parent_id === null);
    return {
      id: org.public_id,
      name: org.name,
      faculties: top.map((f) => ({
        id: f.public_id,
        name: f.name,
        departments: units.filter((d) => d.parent_id === f.id).map((d) => ({ id: d.public_id, name: d.name, facultyId: f.public_id })),
      })),
    };
  });
}
