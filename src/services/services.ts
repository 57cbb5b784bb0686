import type { Store } from '../store/index.js';
import type { BlobStore } from '../blob/index.js';
import type { Logger } from './logger.js';
import { EventBus } from './events.js';
import { TokenSigner } from './tokens.js';
import { randomSecret } from './secrets.js';
import type { ServiceContext } from './context.js';
import { OrganisationService } from './organisation-service.js';
import { UserService } from './user-service.js';
import { AuthService } from './auth-service.js';
import { AssignmentService } from './assignment-service.js';
import { DocumentService } from './document-service.js';
import { ReportService } from './report-service.js';
import { WebhookService } from './webhook-service.js';
import { VendorRecordService } from './vendor-record-service.js';
import { VendorTokenService } from './vendor-token-service.js';
import { RepositoryCatalogue } from './repository-catalogue.js';
import { CheckQuotaService } from './check-quota-service.js';
import { FirstStartLinkService } from './first-start-link.js';
import { Throttle, DEFAULT_THROTTLE, type ThrottleLimits } from './throttle.js';
import { OutboundPolicy } from '../webhook/index.js';

/** The service layer: the only way the API, the adapters and the UI reach the store. */
export interface Services {
  ctx: ServiceContext;
  organisations: OrganisationService;
  users: UserService;
  auth: AuthService;
  assignments: AssignmentService;
  documents: DocumentService;
  reports: ReportService;
  webhooks: WebhookService;
  vendorRecords: VendorRecordService;
  /** Access tokens of vendor APIs that trade an organisation id and an API key for one (PlagScan). */
  vendorTokens: VendorTokenService;
  /** The organisation's reference repositories, read-only. */
  repositoryCatalogue: RepositoryCatalogue;
  /** Per-user allowances of checks (Plagiat.pl's testCount). */
  quotas: CheckQuotaService;
  /** The one-time link that lets a new installation's administrator into the web UI. */
  firstStart: FirstStartLinkService;
  /** Signed, expiring tokens (vendor logins, viewer links). */
  tokens: TokenSigner;
  events: EventBus;
}

export interface ServiceOptions {
  store: Store;
  blobs: BlobStore;
  log: Logger;
  maxUploadBytes: number;
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  publicUrl: string | null;
  /** ORIGO_OUTBOUND_ALLOW: internal receivers webhooks and callbacks may call. */
  outboundAllow?: string | null;
  /** Failed-credential limits (tests raise them; defaults otherwise). */
  throttle?: Partial<ThrottleLimits>;
}

export async function createServices(o: ServiceOptions): Promise<Services> {
  // Every process of one installation signs with the same secret: configured, or made once and kept in the database.
  const secret = o.jwtSecret ?? (await o.store.settings.getOrInit('jwt_secret', randomSecret(48)));
  const ctx: ServiceContext = {
    store: o.store,
    blobs: o.blobs,
    tokens: new TokenSigner(secret),
    log: o.log,
    events: new EventBus(),
    limits: { maxUploadBytes: o.maxUploadBytes },
    jwtTtlSeconds: o.jwtTtlSeconds,
    publicUrl: o.publicUrl,
    outbound: new OutboundPolicy(o.outboundAllow ?? null),
  };
  const documents = new DocumentService(ctx);
  const reports = new ReportService(ctx);
  const webhooks = new WebhookService(ctx);
  ctx.events.subscribe('native-webhooks', webhooks.plan);
  const users = new UserService(ctx);
  const auth = new AuthService(ctx, new Throttle({ ...DEFAULT_THROTTLE, ...o.throttle }));
  return {
    ctx,
    organisations: new OrganisationService(ctx),
    users,
    auth,
    assignments: new AssignmentService(ctx, documents),
    documents,
    reports,
    webhooks,
    vendorRecords: new VendorRecordService(ctx),
    vendorTokens: new VendorTokenService(auth, ctx.tokens, users),
    repositoryCatalogue: new RepositoryCatalogue(ctx),
    quotas: new CheckQuotaService(ctx),
    firstStart: new FirstStartLinkService(ctx, auth),
    tokens: ctx.tokens,
    events: ctx.events,
  };
}
