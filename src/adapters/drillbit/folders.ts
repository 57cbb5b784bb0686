import type { AssignmentRow } from '../../store/index.js';
import type { Services } from '../../services/services.js';
import type { Principal } from '../../services/principal.js';
import type { AssignmentSettings } from '../../services/settings.js';
import { looseInt } from '../shared/index.js';
import { DrillbitError } from './wire-errors.js';
import { FOLDER, PAPER, type FolderState } from './vendor-state.js';
import { readExclusions, readFolderInput, settingsPatch, stateFromSettings } from './folder-mapping.js';

export interface Folder {
  assignment: AssignmentRow;
  settings: AssignmentSettings;
  state: FolderState;
}

/** The folder name Moodle uploads go to when the client names none. */
export const MOODLE_FOLDER = 'Moodle';

/** Folders = the organisation's assignments, with DrillBit-only state in vendor records. */
export class Folders {
  constructor(private readonly services: Services) {}

  async view(a: AssignmentRow): Promise<Folder> {
    const settings = this.services.assignments.settingsOf(a);
    const rec = await this.services.vendorRecords.get<FolderState>('drillbit', FOLDER, a.organisation_id, String(a.id));
    return { assignment: a, settings, state: rec?.data ?? stateFromSettings(settings) };
  }

  /** The folder with this id in the caller's organisation; 404 otherwise. */
  async get(p: Principal, rawId: unknown): Promise<Folder> {
    const id = looseInt(rawId);
    // A folder the caller reaches: a teacher its own, a student any (to hand papers in, seeing only its own).
    const a = id === undefined ? undefined : await this.services.assignments.byIdFor(p, id, 'documents.submit');
    if (!a) throw new DrillbitError(404, 'Folder not found.');
    return this.view(a);
  }

  /** Every folder of the organisation (the caller pages and sorts). */
  async all(p: Principal): Promise<AssignmentRow[]> {
    const out: AssignmentRow[] = [];
    for (let offset = 0; ; offset += 500) {
      const r = await this.services.assignments.list(p, { limit: 500, offset });
      out.push(...r.items);
      if (r.items.length < 500) return out;
    }
  }

  async create(p: Principal, params: Record<string, unknown>): Promise<Folder> {
    const input = readFolderInput(params, null);
    if (!input.name) throw new DrillbitError(400, 'Folder name is required.');
    if (await this.services.assignments.byName(p.organisationId, input.name)) throw new DrillbitError(409, 'Folder name already exists.');
    const patch = settingsPatch(input.state, readExclusions(params, { exclude_quotes: false, exclude_references: false }));
    const a = await this.services.assignments.create(p, { name: input.name, kind: 'text', settings: patch });
    await this.services.vendorRecords.put('drillbit', FOLDER, p.organisationId, String(a.id), a.id, input.state);
    return this.view(a);
  }

  async update(p: Principal, rawId: unknown, params: Record<string, unknown>): Promise<Folder> {
    const f = await this.get(p, rawId);
    const input = readFolderInput(params, f.state);
    if (input.name && input.name !== f.assignment.name) {
      const other = await this.services.assignments.byName(p.organisationId, input.name);
      if (other && other.id !== f.assignment.id) throw new DrillbitError(409, 'Folder name already exists.');
    }
    const patch = settingsPatch(input.state, readExclusions(params, f.settings));
    const a = await this.services.assignments.update(p, f.assignment.public_id, { ...(input.name ? { name: input.name } : {}), settings: patch });
    await this.services.vendorRecords.put('drillbit', FOLDER, p.organisationId, String(a.id), a.id, input.state);
    return this.view(a);
  }

  /** Deletes the folder, its papers and their DrillBit records. */
  async delete(p: Principal, rawId: unknown): Promise<void> {
    const f = await this.get(p, rawId);
    const docs = await this.services.documents.inAssignment(f.assignment);
    await this.services.assignments.delete(p, f.assignment.public_id);
    for (const d of docs) await this.services.vendorRecords.delete('drillbit', PAPER, p.organisationId, String(d.id));
    await this.services.vendorRecords.delete('drillbit', FOLDER, p.organisationId, String(f.assignment.id));
  }

  /** The folder Moodle uploads go to: the one the client names, else the organisation's "Moodle" folder (made on first use). */
  async forMoodle(p: Principal, params: Record<string, unknown>): Promise<Folder> {
    const named = params.assignment_id ?? params.folder_id ?? params.submissions_key;
    if (named !== undefined && named !== '') return this.get(p, named);
    // The organisation's "Moodle" folder, or, when another user's account made it and this caller
    // may not submit there (an instructor reaches only its own folders), this user's own
    // "Moodle (user <id>)": a Moodle site whose plugin signs in as an instructor keeps working
    // whoever uploaded first.
    const shared = await this.reachable(p, MOODLE_FOLDER);
    if (shared !== null) return shared ?? this.createMoodle(p, MOODLE_FOLDER);
    const own = `${MOODLE_FOLDER} (user ${p.userId ?? 'key ' + p.apiKeyId})`;
    return (await this.reachable(p, own)) ?? this.createMoodle(p, own);
  }

  /** The folder of that name if the caller may submit to it; undefined when there is none; null when it is someone else's. */
  private async reachable(p: Principal, name: string): Promise<Folder | undefined | null> {
    const a = await this.services.assignments.byName(p.organisationId, name);
    if (!a) return undefined;
    return this.get(p, a.id).catch(() => null);
  }

  private async createMoodle(p: Principal, name: string): Promise<Folder> {
    try {
      return await this.create(p, { folder_name: name });
    } catch (err) {
      // Two first uploads at once: the other one made it.
      const again = await this.reachable(p, name);
      if (again) return again;
      throw err;
    }
  }
}
