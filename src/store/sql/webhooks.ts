import type { Insertable, Updateable } from 'kysely';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../schema.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../rows.js';
import type { SqlContext } from './context.js';

export class WebhookRepo {
  constructor(private readonly c: SqlContext) {}

  async createEndpoint(row: Insertable<WebhookEndpointsTable>): Promise<WebhookEndpointRow> {
    return this.c.db.insertInto('webhook_endpoints').values(row).returningAll().executeTakeFirstOrThrow();
  }
  async endpointByPublicId(organisationId: number, publicId: string): Promise<WebhookEndpointRow | undefined> {
    return this.c.db.selectFrom('webhook_endpoints').selectAll().where('organisation_id', '=', organisationId).where('public_id', '=', publicId).executeTakeFirst();
  }
  async endpoints(organisationId: number): Promise<WebhookEndpointRow[]> {
    return this.c.db.selectFrom('webhook_endpoints').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
  }
  /** Active endpoints that receive events of a document: the organisation's and the document's own. */
  async endpointsFor(organisationId: number, documentId: number): Promise<WebhookEndpointRow[]> {
    return this.c.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('document_id', 'is', null), eb('document_id', '=', documentId)]))
      .orderBy('id')
      .execute();
  }
  async deleteEndpoint(id: number): Promise<boolean> {
    const r = await this.c.db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Records a delivery once per dedupe key; returns it, or undefined when it already existed. */
  async addDelivery(row: Insertable<WebhookDeliveriesTable>): Promise<WebhookDeliveryRow | undefined> {
    return this.c.db
      .insertInto('webhook_deliveries')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  async delivery(id: number): Promise<WebhookDeliveryRow | undefined> {
    return this.c.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async deliveries(organisationId: number, limit: number): Promise<WebhookDeliveryRow[]> {
    return this.c.db.selectFrom('webhook_deliveries').selectAll().where('organisation_id', '=', organisationId).orderBy('id', 'desc').limit(limit).execute();
  }
  async updateDelivery(id: number, patch: Updateable<WebhookDeliveriesTable>): Promise<void> {
    await this.c.db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
  }
}
