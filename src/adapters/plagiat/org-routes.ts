import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { authenticateClient } from './credentials.js';
import { paramString } from './records.js';
import { asBadRequest, unitByName } from './user-routes.js';
import { badRequest } from './wire.js';

const MESSAGE = { config: { shape: 'message' } } as const;

/** Plagiat.pl's "organisations" are Origo's organisation units (the client account is the organisation). */
export function orgRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/v2/orgs/create', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const name = paramString(req.wire!.params.name);
    if (!name) throw badRequest('Missing name');
    if (await unitByName(services, p, name)) throw badRequest('Organisation already exists');
    await asBadRequest(() => services.organisations.createUnit(p, { name }));
    return {};
  });

  app.post('/api/v2/orgs/update', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const q = req.wire!.params;
    const name = paramString(q.name);
    if (!name) throw badRequest('Missing name');
    const newName = paramString(q.newName);
    if (!newName) throw badRequest('Missing newName');
    const unit = await unitByName(services, p, name);
    if (!unit) throw badRequest('Unknown organisation');
    const clash = await unitByName(services, p, newName);
    if (clash && clash.id !== unit.id) throw badRequest('Organisation already exists');
    await asBadRequest(() => services.organisations.updateUnit(p, unit.public_id, { name: newName }));
    return {};
  });

  app.delete('/api/v2/orgs', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const name = paramString(req.wire!.params.name);
    if (!name) throw badRequest('Missing name');
    const unit = await unitByName(services, p, name);
    if (!unit) throw badRequest('Unknown organisation');
    await asBadRequest(() => services.organisations.deleteUnit(p, unit.public_id));
    return {};
  });

  app.get('/api/v2/orgs', MESSAGE, async (req) => {
    const p = await authenticateClient(services, req);
    const units = await services.organisations.listUnits(p);
    return { orgs: units.map((u) => ({ orgUnitName: u.name, name: u.name })) };
  });
}
