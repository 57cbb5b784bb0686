import type { Kysely } from 'kysely';

/**
 * The Inspera adapter counted an author's submissions to an assignment under the key
 * `<assignmentId>\u0000<email>`. PostgreSQL refuses NUL in text, so such records exist only in
 * SQLite; they are rewritten to the adapter's new key, the JSON array `[assignmentId, email]`
 * (src/adapters/inspera/records.ts), so the counts carry over.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rows: { id: number; external_id: string }[] = await db
    .selectFrom('vendor_records')
    .select(['id', 'external_id'])
    .where('vendor', '=', 'inspera')
    .where('kind', '=', 'attempts')
    .execute();
  for (const r of rows) {
    const cut = r.external_id.indexOf('\u0000');
    if (cut < 0) continue;
    const key = JSON.stringify([r.external_id.slice(0, cut), r.external_id.slice(cut + 1)]);
    await db.updateTable('vendor_records').set({ external_id: key }).where('id', '=', r.id).execute();
  }
}
