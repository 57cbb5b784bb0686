import { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './dialect.js';
import type { SqlContext } from './sql/context.js';
import { OrganisationRepo, OrgUnitRepo, CourseRepo } from './sql/organisations.js';
import { UserRepo, ApiKeyRepo } from './sql/users.js';
import { AssignmentRepo } from './sql/assignments.js';
import { DocumentRepo } from './sql/documents.js';
import { FingerprintRepo } from './sql/fingerprints.js';
import { AnalysisRepo } from './sql/analyses.js';
import { RepositoryRepo } from './sql/repositories.js';
import { WebhookRepo } from './sql/webhooks.js';
import { JobRepo } from './sql/jobs.js';
import { VendorRecordRepo } from './sql/vendor-records.js';
import { SystemSettingRepo } from './sql/system-settings.js';
import { PairResultRepo } from './sql/pair-results.js';
import { BlobRepo } from './sql/blobs.js';

/**
 * The storage port: every read and write the services make, grouped by resource. One SQL
 * implementation serves both SQLite and PostgreSQL (see sqlite.ts and postgres.ts for what
 * differs); services never see SQL.
 */
export class Store {
  readonly organisations: OrganisationRepo;
  readonly orgUnits: OrgUnitRepo;
  readonly courses: CourseRepo;
  readonly users: UserRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly assignments: AssignmentRepo;
  readonly documents: DocumentRepo;
  readonly fingerprints: FingerprintRepo;
  readonly analyses: AnalysisRepo;
  readonly repositories: RepositoryRepo;
  readonly webhooks: WebhookRepo;
  readonly jobs: JobRepo;
  readonly vendorRecords: VendorRecordRepo;
  readonly settings: SystemSettingRepo;
  readonly pairs: PairResultRepo;
  readonly blobs: BlobRepo;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    const c: SqlContext = { db, dialect };
    this.organisations = new OrganisationRepo(c);
    this.orgUnits = new OrgUnitRepo(c);
    this.courses = new CourseRepo(c);
    this.users = new UserRepo(c);
    this.apiKeys = new ApiKeyRepo(c);
    this.assignments = new AssignmentRepo(c);
    this.documents = new DocumentRepo(c);
    this.fingerprints = new FingerprintRepo(c);
    this.analyses = new AnalysisRepo(c);
    this.repositories = new RepositoryRepo(c);
    this.webhooks = new WebhookRepo(c);
    this.jobs = new JobRepo(c);
    this.vendorRecords = new VendorRecordRepo(c);
    this.settings = new SystemSettingRepo(c);
    this.pairs = new PairResultRepo(c);
    this.blobs = new BlobRepo(c);
  }

  /** Runs `fn` in one transaction: all of its writes land, or none. */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect)));
  }

  /** A cheap round trip, for health checks. */
  async ping(): Promise<void> {
    await this.db.selectFrom('organisations').select('id').limit(1).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}
