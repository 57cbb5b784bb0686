/**
 * Row types of every table, as stored. Timestamps are ISO-8601 UTC strings and JSON columns are
 * text on both SQLite and PostgreSQL, so the same queries run unchanged on either.
 */
import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: Generated<number>;
  public_id: string;
  name: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  parent_id: number | null;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  org_unit_id: number | null;
  email: string | null;
  name: string;
  role: string;
  password_hash: string | null;
  active: number;
  extra: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  user_id: number | null;
  level: string;
  name: string;
  vendor: string | null;
  key_hash: string;
  allowed_ips: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CoursesTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  name: string;
  code: string | null;
  /** The instructor who made the course (null: made by an administrator or an API key). */
  owner_user_id: number | null;
  created_at: string;
}

export interface AssignmentsTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  course_id: number | null;
  owner_user_id: number | null;
  name: string;
  kind: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  assignment_id: number | null;
  owner_user_id: number | null;
  title: string;
  author: string | null;
  filename: string | null;
  mime: string | null;
  size: number;
  md5: string;
  blob_key: string | null;
  status: string;
  reason: string | null;
  language: string | null;
  char_count: number | null;
  word_count: number | null;
  page_count: number | null;
  similarity: number | null;
  options: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentTextsTable {
  document_id: number;
  text: string;
  extraction: string;
}

export interface FingerprintsTable {
  document_id: number;
  organisation_id: number;
  hash: number;
}

export interface PairResultsTable {
  document_id: number;
  source_id: number;
  /** What the result depends on besides the two texts (aligner options); a different key is recomputed. */
  options_key: string;
  /** JSON: the passages and the phrase runs of the pair (see pipeline/analysis/pair-result.ts). */
  result: string;
  created_at: string;
}

export interface AssignmentFingerprintsTable {
  assignment_id: number;
  hash: number;
  documents: number;
}

export interface AnalysisStateTable {
  document_id: number;
  candidate_floor: number;
  candidates: number;
  updated_at: string;
}

export interface FrequentFingerprintsTable {
  organisation_id: number;
  hash: number;
}

export interface BlobsTable {
  key: string;
  bytes: Uint8Array;
  size: number;
  created_at: string;
}

export interface AnalysesTable {
  id: Generated<number>;
  public_id: string;
  document_id: number;
  version: number;
  similarity: number;
  result: string;
  created_at: string;
}

export interface RepositoriesTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  name: string;
  is_default: number;
  created_at: string;
}

export interface RepositoryDocumentsTable {
  repository_id: number;
  document_id: number;
  added_at: string;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  document_id: number | null;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  public_id: string;
  organisation_id: number;
  endpoint_id: number | null;
  event: string;
  method: string;
  url: string;
  headers: string;
  body: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  dedupe_key: string;
  created_at: string;
  delivered_at: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface VendorRecordsTable {
  id: Generated<number>;
  vendor: string;
  kind: string;
  organisation_id: number;
  external_id: string;
  internal_id: number | null;
  data: string;
  created_at: string;
  updated_at: string;
}

export interface SystemSettingsTable {
  key: string;
  value: string;
}

export interface Database {
  system_settings: SystemSettingsTable;
  organisations: OrganisationsTable;
  org_units: OrgUnitsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  courses: CoursesTable;
  assignments: AssignmentsTable;
  documents: DocumentsTable;
  document_texts: DocumentTextsTable;
  fingerprints: FingerprintsTable;
  analyses: AnalysesTable;
  pair_results: PairResultsTable;
  assignment_fingerprints: AssignmentFingerprintsTable;
  analysis_state: AnalysisStateTable;
  blobs: BlobsTable;
  frequent_fingerprints: FrequentFingerprintsTable;
  repositories: RepositoriesTable;
  repository_documents: RepositoryDocumentsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  jobs: JobsTable;
  vendor_records: VendorRecordsTable;
}
