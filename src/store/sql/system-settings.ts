import type { SqlContext } from './context.js';

/** Installation-wide values (the JWT signing secret, ...), shared by every process on one database. */
export class SystemSettingRepo {
  constructor(private readonly c: SqlContext) {}

  async get(key: string): Promise<string | undefined> {
    const r = await this.c.db.selectFrom('system_settings').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value;
  }
  /** Sets the value unless one exists; returns the value that is stored afterwards. */
  async getOrInit(key: string, value: string): Promise<string> {
    await this.c.db.insertInto('system_settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await this.get(key)) as string;
  }
  /** Deletes the value only if it is still `value`; true when this call deleted it (a one-time claim). */
  async deleteIf(key: string, value: string): Promise<boolean> {
    const r = await this.c.db.deleteFrom('system_settings').where('key', '=', key).where('value', '=', value).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async set(key: string, value: string): Promise<void> {
    await this.c.db.insertInto('system_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}
