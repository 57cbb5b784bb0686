import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { principalOf } from '../request-auth.js';
import { IdResolver, assignmentView, courseView, pageView } from '../views.js';
import { objectBody, paging, param, query } from '../request-input.js';

/** Courses and assignments. */
export function assignmentRoutes(app: FastifyInstance, services: Services): void {
  const ids = () => new IdResolver(services.ctx.store);

  app.post('/api/v1/courses', async (req, reply) => reply.code(201).send(courseView(await services.assignments.createCourse(principalOf(req), objectBody(req), { limitLengths: true }))));
  app.get('/api/v1/courses', async (req) => {
    const pg = paging(req);
    const r = await services.assignments.listCourses(principalOf(req), pg);
    return pageView(r.items.map(courseView), r.total, pg.limit, pg.offset);
  });
  app.get('/api/v1/courses/:id', async (req) => courseView(await services.assignments.getCourse(principalOf(req), param(req, 'id'))));
  app.patch('/api/v1/courses/:id', async (req) => courseView(await services.assignments.updateCourse(principalOf(req), param(req, 'id'), objectBody(req))));
  app.delete('/api/v1/courses/:id', async (req, reply) => {
    await services.assignments.deleteCourse(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });

  app.post('/api/v1/assignments', async (req, reply) => reply.code(201).send(await assignmentView(await services.assignments.create(principalOf(req), objectBody(req)), ids())));
  app.get('/api/v1/assignments', async (req) => {
    const pg = paging(req);
    const r = await services.assignments.list(principalOf(req), { ...pg, course_id: query(req).course_id });
    const res = ids();
    return pageView(await Promise.all(r.items.map((a) => assignmentView(a, res))), r.total, pg.limit, pg.offset);
  });
  app.get('/api/v1/assignments/:id', async (req) => assignmentView(await services.assignments.get(principalOf(req), param(req, 'id')), ids()));
  app.patch('/api/v1/assignments/:id', async (req) => assignmentView(await services.assignments.update(principalOf(req), param(req, 'id'), objectBody(req)), ids()));
  app.post('/api/v1/assignments/:id/recheck', async (req, reply) => {
    const r = await services.assignments.recheck(principalOf(req), param(req, 'id'));
    return reply.code(202).send({ assignment_id: r.assignment.public_id, queued: r.queued });
  });
  app.delete('/api/v1/assignments/:id', async (req, reply) => {
    await services.assignments.delete(principalOf(req), param(req, 'id'));
    return reply.code(204).send();
  });
}
