import type { SqlContext } from './context.js';

/** Uploaded files kept in the database (for installations whose processes share no folder). */
export class BlobRepo {
  constructor(private readonly c: SqlContext) {}

  async put(key: string, bytes: Uint8Array, at: string): Promise<void> {
    await this.c.db.insertInto('blobs').values({ key, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: bytes.byteLength, created_at: at }).execute();
  }

  async get(key: string): Promise<Uint8Array | null> {
    const row = await this.c.db.selectFrom('blobs').select('bytes').where('key', '=', key).executeTakeFirst();
    return row ? new Uint8Array(row.bytes) : null;
  }

  async delete(key: string): Promise<void> {
    await this.c.db.deleteFrom('blobs').where('key', '=', key).execute();
  }
}
