import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { principalOf } from './errors.js';
import type { CodequiryChecks } from './checks.js';
import { checkObject } from './wire.js';

const ANY: ('GET' | 'POST')[] = ['GET', 'POST'];

/** Who the key belongs to: its user, or (client-level key) the organisation. */
async function identity(services: Services, p: Principal): Promise<{ id: number; name: string; email: string | null }> {
  const user = p.userId !== null ? await services.users.byId(p.userId) : undefined;
  if (user) return { id: user.id, name: user.name, email: user.email };
  const org = await services.organisations.byIdUnchecked(p.organisationId);
  return { id: p.organisationId, name: org?.name ?? p.organisationPublicId, email: null };
}

/** /account, /checks, /auth/validate and /version. */
export function registerAccountRoutes(app: FastifyInstance, services: Services, checks: CodequiryChecks): void {
  app.route({
    method: ANY,
    url: '/account',
    handler: async (req) => {
      const p = principalOf(req);
      const who = await identity(services, p);
      // Origo has no check quota: "unlimited" where the field is a string, -1 (no limit) where clients parse an integer.
      return {
        id: who.id,
        user: who.name,
        name: who.name,
        email: who.email,
        peer_checks_remaining: 'unlimited',
        pro_checks_remaining: -1,
        submissions: await checks.submissionsOf(p),
        is_pro: true,
        plan_id: null,
      };
    },
  });

  app.route({
    method: ANY,
    url: '/checks',
    handler: async (req) => {
      const p = principalOf(req);
      return (await checks.list(p)).map((st) => checkObject(st.assignment, st.rec, st.docs));
    },
  });

  app.route({
    method: ANY,
    url: '/auth/validate',
    handler: async (req) => {
      const who = await identity(services, principalOf(req));
      return { valid: true, user_id: who.id, email: who.email, name: who.name };
    },
  });

  app.route({
    method: ANY,
    url: '/version',
    handler: async () => ({ version: 1.0, releaseDate: 'June 20, 2019' }),
  });
}
