// What an audit row says happened, in words with names ("Olga scanned PKID 3512345678901 into batch
// Dock-A"), for every kind of event: the one place these sentences live. The core fills in the names
// (db/repos/reports.ts listAudit) and sends the sentence; the viewer's action filter uses the labels.
import { clockTime, plural } from './words';

export interface AuditFacts {
  action: string;
  result: string;
  operatorName: string | null;
  objectType: string | null;
  objectId: string | null;
  /** The row's detail, parsed (an empty object when it is not JSON). */
  detail: Record<string, unknown>;
  batchName: string | null;
  devicePkid: string | null;
  deviceSerial: string | null;
  customerName: string | null;
  objectOperatorName: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function named(f: AuditFacts) {
  const d = f.detail;
  const who = f.operatorName ?? 'The station';
  // A batch row's detail may name it (a batch since deleted, or one not yet joined); other rows' "name" is someone else's.
  const batchName = f.batchName ?? (f.objectType === 'batch' ? (str(d.name) ?? str(d.batch)) : null);
  const batch = batchName ? `batch ${batchName}` : 'a batch';
  // The detail keeps the box as it was at the time; the join says what the line holds now.
  const pkid = str(d.pkid) ?? f.devicePkid;
  const serial = str(d.serial) ?? f.deviceSerial;
  const box = pkid ? `PKID ${pkid}` : serial ? `serial ${serial}` : 'a device';
  const customer = str(d.customerName) ?? f.customerName ?? (str(d.customerTenantId) ? `tenant ${str(d.customerTenantId)}` : 'a customer');
  const person = f.objectOperatorName ?? str(d.name) ?? 'an operator';
  const reason = str(d.reason);
  const because = reason ? `: ${reason}` : '';
  const devices = (n: unknown) => plural(num(n) ?? 0, 'device');
  return { d, who, batch, box, pkid, serial, customer, person, because, devices };
}

type Words = (f: AuditFacts, n: ReturnType<typeof named>) => string;

function scanned({ result }: AuditFacts, { d, who, batch, box }: ReturnType<typeof named>): string {
  if (result === 'ok') {
    const how = d.typed === true ? ' (typed by hand)' : d.source === 'camera' ? ' with the camera' : d.source === 'import' ? ' from a file' : '';
    return `${who} scanned ${box} into ${batch}${how}`;
  }
  if (d.duplicateOf !== undefined) return `${who} scanned ${box} again: refused as a duplicate`;
  if (d.registeredRemotely !== undefined) return `${who} scanned ${box}: refused, already registered in Partner Center`;
  const message = str(d.message);
  return `${who}'s scan into ${batch} was refused${message ? `: ${message}` : ''}`;
}

function fixed({ d, who, batch, box, because }: ReturnType<typeof named>): string {
  const before = (d.before && typeof d.before === 'object' ? d.before : {}) as Record<string, unknown>;
  const after = (d.after && typeof d.after === 'object' ? d.after : {}) as Record<string, unknown>;
  const changes = Object.keys(after).map((k) => `${k} ${str(before[k]) ?? '—'} → ${str(after[k]) ?? '—'}`);
  return `${who} fixed ${box} in ${batch}${changes.length ? ` (${changes.join(', ')})` : ''}${because}`;
}

const byAction: Record<string, Words> = {
  'scans:record': scanned,
  'scans:recordTuple': (f, n) => (f.result === 'ok' ? `${n.who} recorded serial ${n.serial ?? '?'} (${[str(n.d.manufacturer), str(n.d.model)].filter(Boolean).join(' ')}) into ${n.batch}` : scanned(f, n)),
  'scans:attachSerial': (_f, n) => `${n.who} scanned serial ${n.serial ?? '?'} onto PKID ${n.pkid ?? '?'} in ${n.batch}`,
  'scans:undo': (_f, n) =>
    n.d.undid === 'serial'
      ? `${n.who} took serial ${n.serial ?? '?'} back off PKID ${n.pkid ?? '?'} (undo)`
      : n.d.undid === 'waiting-serial'
        ? `${n.who} undid the waiting serial ${n.serial ?? '?'} in ${n.batch}`
        : `${n.who} undid the scan of ${n.box} in ${n.batch}`,
  'batches:create': (_f, n) => `${n.who} started ${n.batch}`,
  'batches:close': (_f, n) => `${n.who} closed ${n.batch} with ${n.devices(n.d.devices)}`,
  'batches:reopen': (_f, n) => `${n.who} reopened ${n.batch}`,
  'review:removeDevice': (_f, n) => `${n.who} removed ${n.box} from ${n.batch}${n.because}`,
  'review:restoreDevice': (_f, n) => `${n.who} restored ${n.box} to ${n.batch}${n.because}`,
  'review:fixDevice': (_f, n) => fixed(n),
  'review:attachHash': (_f, n) => `${n.who} attached a hardware hash${str(n.d.fileName) ? ` from ${str(n.d.fileName)}` : ''} to ${n.box} in ${n.batch}${n.because}`,
  'import:commit': (_f, n) => `${n.who} imported ${n.devices(n.d.imported)} from ${str(n.d.fileName) ?? 'a file'} into ${n.batch}${num(n.d.attached) ? `, attaching ${plural(num(n.d.attached) ?? 0, 'hardware hash', 'hardware hashes')}` : ''}${num(n.d.refused) ? ` (${plural(num(n.d.refused) ?? 0, 'line')} refused)` : ''}`,
  'expected:import': (_f, n) => `${n.who} read ${plural(num(n.d.imported) ?? 0, 'expected line')} from ${str(n.d.fileName) ?? 'a file'} into ${n.batch}${num(n.d.replaced) ? `, replacing ${num(n.d.replaced)}` : ''}`,
  'approval:approve': (f, n) =>
    f.result === 'ok'
      ? `${n.who} approved ${n.batch} for ${n.customer} (${n.devices(n.d.devices)})${str(n.d.confirmedByName) ? `, confirmed by ${str(n.d.confirmedByName)}` : ''}`
      : `${n.who} was refused approval of ${n.batch}${str(n.d.reason) ? `: ${str(n.d.reason)}` : ''}`,
  'approval:confirm': (f, n) => (f.result === 'ok' ? `${n.who} confirmed ${str(n.d.approver) ? `${str(n.d.approver)}'s` : 'an'} approval of ${n.batch} with their PIN` : `${n.who}'s PIN to confirm an approval was refused (${str(n.d.reason) ?? f.result})`),
  'session:signIn': (f, n) => (f.result === 'ok' ? `${n.who} signed in` : `Sign-in ${f.result === 'denied' ? 'refused' : 'failed'} for ${f.operatorName ?? 'a name that is no operator'}: ${str(n.d.reason) ?? f.result}`),
  'session:signOut': (_f, n) => `${n.who} signed out`,
  'session:changePin': (f, n) => (f.result === 'ok' ? `${n.who} changed their PIN` : `${n.who}'s PIN change failed: ${str(n.d.reason) ?? f.result}`),
  'session:lockedOut': (_f, n) => `${n.person} was locked out${num(n.d.lockedUntil) ? ` until ${clockTime(num(n.d.lockedUntil) ?? 0, true)}` : ''} after too many wrong PINs`,
  'operators:add': (_f, n) => `${n.who} added ${str(n.d.role) ?? 'operator'} ${n.person}`,
  'operators:setActive': (_f, n) => `${n.who} ${n.d.active === false ? 'disabled' : 'enabled'} ${n.person}`,
  'operators:setRole': (_f, n) => `${n.who} made ${n.person} ${str(n.d.role) ?? 'another role'}`,
  'operators:setPin': (_f, n) => `${n.who} set a new PIN for ${n.person}`,
  'operators:unlock': (_f, n) => `${n.who} unlocked ${n.person}`,
  'station:setupFirstAdmin': (_f, n) => `${n.person} was made the station's first admin`,
  'station:created': () => 'The station was set up',
  'settings:update': (f, n) => `${n.who} changed the setting ${f.objectId ?? '?'} from ${JSON.stringify(n.d.before ?? null)} to ${JSON.stringify(n.d.after ?? null)}`,
  'customers:refresh': (f, n) => (f.result === 'ok' ? `${n.who} refreshed the customer list from Partner Center` : `${n.who}'s customer list refresh failed${n.because}`),
  'partner:signIn': (f, n) => (f.result === 'ok' ? `${n.who} signed in to Partner Center as ${str(n.d.account) ?? '?'}` : `${n.who}'s Partner Center sign-in failed${n.because}`),
  'partner:signOut': (_f, n) => `${n.who} signed out of Partner Center (${str(n.d.account) ?? '?'})`,
  'uploads:accepted': (_f, n) => `Partner Center took ${n.devices(n.d.devices)} of ${n.batch} to register`,
  'uploads:finished': (_f, n) => `Partner Center finished ${n.batch}: ${num(n.d.registered) ?? 0} registered, ${num(n.d.failed) ?? 0} refused`,
  'uploads:refused': (_f, n) => `Partner Center refused ${n.batch}${str(n.d.error) ? `: ${str(n.d.error)}` : ''}`,
  'uploads:forbidden': (_f, n) => `Partner Center refused ${n.batch}: not allowed (${str(n.d.cause) ?? 'unknown cause'})`,
  'uploads:retryFailed': (_f, n) => `${n.who} sent ${n.devices(n.d.devices)} of ${n.batch} again`,
  'uploads:moveFailed': (_f, n) => `${n.who} moved ${n.devices(n.d.devices)} refused in ${n.batch} to batch ${str(n.d.to) ?? '?'}`,
  'uploads:movedIn': (_f, n) => `${n.devices(n.d.devices)} moved into ${n.batch} from batch ${str(n.d.from) ?? '?'}`,
  'uploads:alreadyRegistered': (_f, n) => `${n.devices(n.d.devices)} of ${n.batch} were found already registered in Partner Center`,
  'devices:deregisterRequested': (_f, n) => `${n.who} asked to remove ${n.devices(n.d.devices)} from Autopilot${n.because}`,
  'devices:deregistered': (f, n) => (f.result === 'ok' ? `${n.box} was removed from Autopilot${n.because}` : `Removing ${n.box} from Autopilot failed: ${str(n.d.error) ?? f.result}`),
  'backup:created': (f, n) => (f.result === 'ok' ? `${n.who} backed up the database (${str(n.d.fileName) ?? '?'})` : `A backup failed: ${str(n.d.error) ?? f.result}`),
  'support:createBundle': (_f, n) => `${n.who} created a support bundle`,
};

/** "uploads:batchMismatch" -> "uploads: batch mismatch", for kinds with no sentence of their own. */
export function actionWords(action: string): string {
  const [domain, verb] = action.split(':');
  if (verb === undefined) return action;
  return `${domain}: ${verb.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

export function describeAuditEvent(f: AuditFacts): string {
  const n = named(f);
  const words = byAction[f.action];
  if (words) return words(f, n);
  const about = n.box !== 'a device' ? ` (${n.box})` : n.batch !== 'a batch' ? ` (${n.batch})` : '';
  const outcome = f.result === 'ok' ? '' : f.result === 'denied' ? ', refused' : `, ${f.result}`;
  return `${n.who}: ${actionWords(f.action)}${about}${outcome}`;
}

/** The row's object by name: "batch Dock-A", "PKID 3512345678901", "operator Olga"; null when it has none. */
export function describeAuditObject(f: AuditFacts): string | null {
  const n = named(f);
  switch (f.objectType) {
    case null:
      return null;
    case 'batch':
      return n.batch === 'a batch' ? `batch ${f.objectId ?? '?'}` : n.batch;
    case 'device':
      return n.box === 'a device' ? `device ${f.objectId ?? '?'}` : n.box;
    case 'operator':
      return f.objectOperatorName ? `operator ${f.objectOperatorName}` : `operator ${f.objectId ?? '?'}`;
    case 'customer':
      return f.customerName ?? `tenant ${f.objectId ?? '?'}`;
    default:
      return f.objectId ? `${f.objectType} ${f.objectId}` : f.objectType;
  }
}

/** Labels for the viewer's action filter: the kinds a shift lead looks for. */
export const actionLabels: Record<string, string> = {
  'scans:record': 'Scans',
  'scans:undo': 'Undos',
  'batches:create': 'Batches started',
  'batches:close': 'Batches closed',
  'batches:reopen': 'Batches reopened',
  'review:removeDevice': 'Lines removed',
  'review:restoreDevice': 'Lines restored',
  'review:fixDevice': 'Lines fixed',
  'review:attachHash': 'Hardware hashes attached',
  'import:commit': 'Device files imported',
  'expected:import': "Suppliers' lists read",
  'approval:approve': 'Approvals',
  'customers:refresh': 'Customer list refreshed',
  'session:signIn': 'Sign-ins',
  'session:lockedOut': 'Lock-outs',
  'operators:add': 'Operators added',
  'settings:update': 'Settings changed',
};
