import type { Selectable } from 'kysely';
import type * as S from './schema.js';

export type OrganisationRow = Selectable<S.OrganisationsTable>;
export type OrgUnitRow = Selectable<S.OrgUnitsTable>;
export type UserRow = Selectable<S.UsersTable>;
export type ApiKeyRow = Selectable<S.ApiKeysTable>;
export type CourseRow = Selectable<S.CoursesTable>;
export type AssignmentRow = Selectable<S.AssignmentsTable>;
export type DocumentRow = Selectable<S.DocumentsTable>;
export type DocumentTextRow = Selectable<S.DocumentTextsTable>;
export type AnalysisRow = Selectable<S.AnalysesTable>;
export type RepositoryRow = Selectable<S.RepositoriesTable>;
export type WebhookEndpointRow = Selectable<S.WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<S.WebhookDeliveriesTable>;
export type JobRow = Selectable<S.JobsTable>;
export type VendorRecordRow = Selectable<S.VendorRecordsTable>;

export interface Page {
  limit: number;
  offset: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}
