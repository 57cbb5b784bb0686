import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import { hasRole } from '../../services/principal.js';
import { looseInt, looseString } from '../shared/index.js';
import { principal } from './access.js';
import { PlagScanError } from './wire-errors.js';
import { callbackUrlOf, withQuery } from './callbacks.js';
import { baseOf } from './upload.js';

const idOf = (req: FastifyRequest) => looseInt((req.params as { id: string }).id);

function requireAdmin(p: Principal): void {
  if (!hasRole(p, 'admin')) throw new PlagScanError(403, 'Only the organisation administrator can do this');
}

/** /v3/checkcallback, /v3/groups (organisation units) and /v3/repositories (reference repositories). */
export function organisationRoutes(app: FastifyInstance, services: Services): void {
  // Answers 204, then the organisation's callback URL is called with ?checkCallback=1 (retried like every callback).
  app.put('/checkcallback', async (req, reply) => {
    const p = principal(req);
    // The integration tests its callback; a student's token cannot make the organisation call it.
    if (!hasRole(p, 'instructor')) throw new PlagScanError(403, 'Only an instructor or administrator can do this');
    const url = callbackUrlOf(await services.organisations.settingsOf(p.organisationId));
    if (!url) throw new PlagScanError(400, 'There is no callback URL set for this organisation');
    await services.webhooks.sendUnrelated(p.organisationId, 'plagscan.checkcallback', [
      { url: withQuery(url, 'checkCallback=1'), method: 'GET', headers: { 'user-agent': 'PlagScan callback (Origo)' }, body: '', dedupeKey: `plagscan:checkcallback:${p.organisationId}:${Date.now()}` },
    ]);
    return reply.code(204).send();
  });

  const groupView = (u: { id: number; name: string; parent_id: number | null; created_at: string }) => ({ groupID: u.id, name: u.name, parentID: u.parent_id ?? -1, created: u.created_at });
  async function unitFor(p: Principal, id: number | undefined) {
    const unit = (await services.organisations.listUnits(p)).find((u) => u.id === id);
    if (!unit) throw new PlagScanError(404, "The group doesn't exist");
    return unit;
  }

  app.get('/groups', async (req) => ({ data: (await services.organisations.listUnits(principal(req))).map(groupView) }));
  app.get('/groups/:id', async (req) => ({ data: groupView(await unitFor(principal(req), idOf(req))) }));
  app.post('/groups', async (req, reply) => {
    const p = principal(req);
    requireAdmin(p);
    const params = req.wire!.params;
    const name = looseString(params.name)?.trim();
    if (!name) throw new PlagScanError(422, 'Validation failed for the field name');
    const parentID = looseInt(params.parentID);
    const parent = parentID !== undefined && parentID > 0 ? await unitFor(p, parentID) : null;
    const unit = await services.organisations.createUnit(p, { name, parent_id: parent?.public_id ?? null });
    const location = `${baseOf(req)}/groups/${unit.id}`;
    return reply.code(201).header('location', location).send({ data: { groupID: unit.id, location } });
  });
  app.delete('/groups/:id', async (req, reply) => {
    const p = principal(req);
    requireAdmin(p);
    const unit = await unitFor(p, idOf(req));
    await services.organisations.deleteUnit(p, unit.public_id);
    return reply.code(204).send();
  });

  const repositoryView = (r: { id: number; name: string; is_default: number; documents: number; created_at: string }) => ({
    repositoryID: r.id,
    name: r.name,
    isDefault: r.is_default === 1,
    documents: r.documents,
    created: r.created_at,
  });
  app.get('/repositories', async (req) => ({ data: (await services.repositoryCatalogue.list(principal(req))).map(repositoryView) }));
  app.get('/repositories/:id', async (req) => {
    const r = await services.repositoryCatalogue.byId(principal(req), idOf(req) ?? -1);
    if (!r) throw new PlagScanError(404, "The repository doesn't exist");
    return { data: repositoryView(r) };
  });
}
