// All of one emulator's world in memory: the seed it can be reset to, Partner Center's records, the
// registry of OEM-filed devices, and what tests observe (request log, registration counters).
import { randomBytes, randomUUID } from 'node:crypto';
import { HttpError } from './faults';
import { DEFAULT_TOKENS, customerSeedSchema, registrySeedSchema, tokenSeedSchema } from './seed';
import type { CustomerSeed, ParsedSeed, RegistrySeed, TokenSeed } from './seed';
import { Throttle } from './throttle';
import { defaultSwitches, mergeSwitches } from './switches';
import type { Switches } from './switches';
import type {
  Batch, Customer, DeviceRecord, Job, Policy, ReceivedDevice, RegistrationCount, RegistryDevice, Reply, RequestLogEntry, TokenGrant,
} from './types';

interface Continuation {
  scope: string;
  offset: number;
}

export class EmulatorState {
  switches: Switches = defaultSwitches();
  readonly customers = new Map<string, Customer>();
  registry: RegistryDevice[] = [];
  /** PKID -> registry entries; the registry only grows between resets, so entries are indexed as pushed. */
  registryByPkid = new Map<string, RegistryDevice[]>();
  readonly tokens = new Map<string, TokenGrant>();
  /**
   * Keyed by `customerId|batchId` lower-cased: creating a batch is refused (409) when one exists under
   * any casing, so there is at most one per folded name. Path lookups may still be exact: see
   * `batchByPath` and the `batchIdMatching` switch.
   */
  readonly batches = new Map<string, Batch>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly policies = new Map<string, Policy>();
  readonly jobs = new Map<string, Job>();
  readonly idempotent = new Map<string, { reply: Reply; at: number }>();
  readonly continuations = new Map<string, Continuation>();
  readonly registrations = new Map<string, number>();
  readonly throttle = new Throttle();
  log: RequestLogEntry[] = [];
  /** Every device of every accepted upload request, as received: what tests check was sent. */
  received: ReceivedDevice[] = [];
  private clockOffsetMs = 0;
  private registryCounter = 0;

  constructor(
    private readonly seed: ParsedSeed,
    private readonly startSwitches: unknown,
    readonly partnerId: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.reset();
  }

  /** Back to the seed: records, counters, log, throttle buckets and switches. */
  reset(): void {
    for (const map of [this.customers, this.tokens, this.batches, this.devices, this.policies, this.jobs,
      this.idempotent, this.continuations, this.registrations]) map.clear();
    this.registry = [];
    this.registryByPkid = new Map();
    this.log = [];
    this.received = [];
    this.throttle.reset();
    this.switches = this.startingSwitches();
    for (const t of DEFAULT_TOKENS) this.addToken(t);
    for (const t of this.seed.tokens) this.tokens.set(t.token, { tokenClass: t.tokenClass, role: t.role });
    for (const c of this.seed.customers) this.customers.set(c.id, c);
    for (const d of this.seed.registry) this.pushRegistry(d);
  }

  /** Defaults, then the seed's switches, then the start options'. */
  startingSwitches(): Switches {
    return mergeSwitches(mergeSwitches(defaultSwitches(), this.seed.switches ?? {}), this.startSwitches ?? {});
  }

  now(): number {
    return this.clock() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  addCustomer(seed: CustomerSeed): Customer {
    const customer = customerSeedSchema.parse(seed);
    this.customers.set(customer.id, customer);
    return customer;
  }

  addToken(seed: TokenSeed): void {
    const t = tokenSeedSchema.parse(seed);
    this.tokens.set(t.token, { tokenClass: t.tokenClass, role: t.role });
  }

  addRegistry(seed: RegistrySeed): RegistryDevice {
    return this.pushRegistry(registrySeedSchema.parse(seed));
  }

  private pushRegistry(d: Omit<RegistryDevice, 'key'>): RegistryDevice {
    const entry: RegistryDevice = { ...d, key: `r${++this.registryCounter}` };
    if (entry.ownerTenant) entry.ownerTenant = entry.ownerTenant.toLowerCase();
    this.registry.push(entry);
    if (entry.pkid) this.registryByPkid.set(entry.pkid, [...(this.registryByPkid.get(entry.pkid) ?? []), entry]);
    return entry;
  }

  customer(id: string): Customer | undefined {
    return this.customers.get(id.toLowerCase());
  }

  batch(customerId: string, batchId: string): Batch | undefined {
    return this.batches.get(`${customerId.toLowerCase()}|${batchId.toLowerCase()}`);
  }

  /**
   * The batch a path names (append, list devices, update, delete). INFERRED (issue 16, not documented):
   * the real service matches the id in the path case-sensitively while its create check is
   * case-insensitive, which is what makes a client that appends with its own spelling see 404 and then
   * 409. `batchIdMatching: 'case-insensitive'` models the friendlier behaviour PowerShell assumes.
   */
  batchByPath(customerId: string, batchId: string): Batch | undefined {
    const batch = this.batch(customerId, batchId);
    if (!batch) return undefined;
    return this.switches.batchIdMatching === 'exact' && batch.id !== batchId ? undefined : batch;
  }

  putBatch(batch: Batch): void {
    this.batches.set(`${batch.customerId}|${batch.id.toLowerCase()}`, batch);
  }

  /** Stable name of a registry device for the "nothing registered twice" counters. */
  identityOf(entry: RegistryDevice): string {
    if (entry.pkid) return `pkid:${entry.pkid}`;
    if (entry.serial) return `tuple:${entry.manufacturer ?? ''}|${entry.model ?? ''}|${entry.serial}`;
    return `hash:${entry.hash?.slice(0, 24) ?? entry.key}`;
  }

  countRegistration(entry: RegistryDevice): void {
    const id = this.identityOf(entry);
    this.registrations.set(id, (this.registrations.get(id) ?? 0) + 1);
  }

  duplicates(): RegistrationCount[] {
    return [...this.registrations].filter(([, n]) => n > 1).map(([identity, count]) => ({ identity, count }));
  }

  issueContinuation(scope: string, offset: number): string {
    const token = randomBytes(18).toString('base64url');
    this.continuations.set(token, { scope, offset });
    return token;
  }

  /** The scope a token was issued for must start with `scopePrefix`, so a token cannot cross lists. */
  readContinuation(scopePrefix: string, token: string | undefined): Continuation {
    const c = token ? this.continuations.get(token) : undefined;
    if (!c || !c.scope.startsWith(scopePrefix)) throw new HttpError(400, 'The continuation token is missing or invalid.');
    return c;
  }

  newId(): string {
    return randomUUID();
  }
}
