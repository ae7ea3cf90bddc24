// Every catalog key (the renderer's errors namespace) the core may name for an error, with its
// placeholders and what each one is. The core sends raw values (a batch state as 'needs_attention', a
// time as epoch ms); the kind tells the UI how to say them in the operator's language and clock, so
// no English word or UTC time reaches a German screen through a placeholder. failSaying() accepts
// only these keys with these params, and a test holds en.json to them: a catalog sentence may leave a
// param out (two variants of one refusal share params, the core picks the key), never use one not sent.
import type { BatchState } from '../domain/batch';
import type { Role } from '../domain/roles';

/**
 * text: shown as it is (names, PKIDs, file names); id: a database id or other number shown as it is;
 * count: the number the sentence's plural follows (i18next's `count`); number: grouped by locale;
 * time: a clock time to the second; dateTime: date and time; batchState / role: said by the catalog.
 */
export type ParamKind = 'text' | 'id' | 'count' | 'number' | 'time' | 'dateTime' | 'batchState' | 'role';

type Kinds = Readonly<Record<string, ParamKind>>;

const duplicate = { batch: 'text', by: 'text', at: 'dateTime' } as const;
const sameBox = { pkid: 'text', box: 'text', ...duplicate } as const;
/** batch: the batch; name: the second person; others: who may approve instead, by name. */
const twoPerson = { batch: 'text', name: 'text', others: 'text' } as const;
const chosen = { identifier: 'text', batch: 'text' } as const;
/** detail: a reader's or validator's own (English) words, placed by a translated frame. */
const detail = { detail: 'text' } as const;
const fleetBatch = { station: 'text', batch: 'text' } as const;
/** requestId: Partner Center's MS-RequestId, for a support ticket. */
const refused = { requestId: 'text' } as const;

export const errorSayings = {
  // Sign-in, PIN and session
  'session.signInFirst': {},
  'session.signedOutIdle': {},
  'session.nobodySignedIn': {},
  'session.forbidden': { role: 'role' },
  'session.lockedOut': { name: 'text', until: 'time' },
  'session.lockedOutPinUnchanged': { name: 'text', until: 'time' },
  'session.wrongPin': { name: 'text', count: 'count' },
  'session.wrongCurrentPin': { count: 'count' },
  'station.alreadySetUp': {},
  'station.diskFull': {},
  'station.internal': {},
  'station.readBack': {},
  'station.unknownChannel': { channel: 'text' },
  'input.invalid': detail,
  // Batches and scanning
  'batch.notFound': { id: 'id' },
  'batch.nameTakenOpen': { batch: 'text', state: 'batchState' },
  'batch.nameTakenClosed': { batch: 'text', state: 'batchState' },
  'batch.nameTaken': { batch: 'text' },
  'batch.notOpen': { batch: 'text', state: 'batchState' },
  'batch.noDevicesToClose': { batch: 'text' },
  'batch.reopenNotClosed': { batch: 'text', state: 'batchState' },
  'scan.batchClosed': { batch: 'text' },
  'scan.undoBatchClosed': { batch: 'text' },
  // Review: lines, fixes and hashes
  'device.notFound': { id: 'id' },
  'review.locked': { batch: 'text', state: 'batchState' },
  'review.alreadyRemoved': { at: 'dateTime' },
  'review.notRemoved': {},
  'review.restoreFirst': {},
  'review.nothingToChange': {},
  'review.restoreTakenHere': { pkid: 'text', ...duplicate },
  'review.restoreTakenElsewhere': { pkid: 'text', ...duplicate },
  'review.restoreRace': {},
  'review.duplicatePkid': sameBox,
  'review.duplicateHash': sameBox,
  'review.duplicateSerial': sameBox,
  'review.inPartnerCenter': { box: 'text', remoteBatch: 'text' },
  'hash.none': {},
  'hash.manyLines': { count: 'count', lines: 'text' },
  'hash.otherSerial': { fileSerial: 'text', serial: 'text' },
  'hash.notInFile': { count: 'count' },
  'hash.removed': {},
  'hash.wrongState': { batch: 'text', state: 'batchState' },
  'hash.duplicate': duplicate,
  'hash.fileUnreadable': { file: 'text', ...detail },
  'hash.badLine': { file: 'text', line: 'id', ...detail },
  'review.noIdentityNeedsTuple': { serial: 'text' },
  'review.noIdentity': {},
  // Approval and the two-person rule
  'approval.notClosed': { batch: 'text', state: 'batchState' },
  'approval.closeFirst': { batch: 'text', state: 'batchState' },
  'approval.noDevices': { batch: 'text' },
  'approval.noCustomer': { tenant: 'text' },
  'approval.notReseller': { customer: 'text' },
  'identity.missing': { batch: 'text', count: 'count' },
  'identity.missingToRetry': { batch: 'text', count: 'count' },
  // A fleet member's batch: lines the hub has not confirmed, or boxes another dock scanned first.
  'approval.fleetWaiting': { batch: 'text', count: 'count' },
  'approval.fleetHeldElsewhere': { batch: 'text', count: 'count' },
  // One set of params for every two-person refusal: the core picks the key by the verdict's reason.
  'approval.twoPerson.others': twoPerson,
  'approval.twoPerson.nobody': twoPerson,
  'approval.twoPerson.confirmerIsApprover': twoPerson,
  'approval.twoPerson.confirmerMayNotApprove': twoPerson,
  'approval.twoPerson.confirmerChanged': twoPerson,
  // Upload, retry, move, profiles and deregistering
  'upload.notUploaded': { batch: 'text' },
  'upload.noFailedToRetry': {},
  'upload.noFailedToMove': {},
  'partner.notConfigured': {},
  'partner.invitationNotHttps': {},
  /** reason: what the sign-in library said, in its own (English) words. */
  'partner.signInIncomplete': { reason: 'text' },
  'partner.unreachable': {},
  'partner.mfaNeeded': {},
  'partner.signInNeeded': {},
  'partner.throttled': { count: 'count' },
  'partner.throttledNoWait': {},
  // A 403 by its cause (shared/domain/refusals.ts), so the core picks the key by the explanation.
  'partner.refused.mfa': refused,
  'partner.refused.appOnly': refused,
  'partner.refused.role': refused,
  'partner.refused.relationship': refused,
  'partner.refused.thisCustomer': refused,
  'partner.refused.unknown': refused,
  'partner.failed': { ...refused, ...detail },
  // What the caller adds after a Partner Center failure (remoteFailure's follow-up): what was kept or done.
  'partner.then.profilesNotRead': {},
  'partner.then.assignedBefore': { count: 'count' },
  'partner.then.unassignedBefore': { count: 'count' },
  'partner.then.checkAssignmentLater': {},
  'partner.then.noCustomerList': {},
  'partner.then.customerListKept': { at: 'dateTime' },
  'partner.then.noInvitation': {},
  'partner.then.inventoryUnchanged': {},
  'profiles.noCustomer': { batch: 'text' },
  'profiles.nothingToAssign': { batch: 'text' },
  'profiles.nothingToUnassign': { batch: 'text' },
  // One set of params for the three ways of choosing devices, so the core picks the key by the choice.
  'deregister.noMatchIdentifier': chosen,
  'deregister.noMatchBatch': chosen,
  'deregister.noMatchChosen': chosen,
  'deregister.nothingRegisteredIdentifier': { ...chosen, count: 'count' },
  'deregister.nothingRegisteredBatch': { ...chosen, count: 'count' },
  'deregister.nothingRegisteredChosen': { ...chosen, count: 'count' },
  'deregister.moveNameTaken': { batch: 'text' },
  'deregister.twoPerson': { batch: 'text' },
  // Import and export
  'import.previewStale': {},
  'import.allRefused': { file: 'text', count: 'count' },
  'import.changedSincePreview': { count: 'count' },
  'import.unreadable': detail,
  'expected.unreadable': detail,
  'expected.previewStale': {},
  'expected.allRefused': { file: 'text', count: 'count' },
  'export.tooLarge': { batch: 'text', max: 'number' },
  'export.notWritable': { batch: 'text', count: 'count', ...detail },
  // The fleet desk's requests to another dock, and the fleet's sync.
  'fleet.notMember': {},
  'fleet.noSuchBatch': fleetBatch,
  'fleet.chooseCustomer': {},
  'fleet.approveNotClosed': fleetBatch,
  'fleet.reopenNotClosed': fleetBatch,
  'fleet.approveWaiting': { ...fleetBatch, name: 'text' },
  'fleet.reopenWaiting': { ...fleetBatch, name: 'text' },
  'fleet.hubUnreachable': detail,
  'fleet.syncFailed': detail,
  // Settings, operators, backups and support
  'settings.tooManyScanners': { count: 'count' },
  'settings.invalidValue': { setting: 'text', ...detail },
  'settings.scannerNotFound': { id: 'id' },
  'operator.notFound': { id: 'id' },
  'operator.nameTaken': { name: 'text' },
  'operator.lastAdmin': {},
  'backup.busy': {},
  'backup.diskFull': { dir: 'text' },
  'backup.checkFailed': detail,
  'support.diskFull': { dir: 'text' },
} as const satisfies Readonly<Record<string, Kinds>>;

export type ErrorKey = keyof typeof errorSayings;
export const errorKeys = Object.keys(errorSayings) as ErrorKey[];

type ValueOf<K extends ParamKind> = K extends 'batchState' ? BatchState : K extends 'role' ? Role : K extends 'text' ? string : K extends 'id' ? string | number : number;

/** The params a key takes: each of its placeholders, typed by its kind. */
export type ErrorParams<K extends ErrorKey> = { -readonly [P in keyof (typeof errorSayings)[K]]: (typeof errorSayings)[K][P] extends ParamKind ? ValueOf<(typeof errorSayings)[K][P]> : never };

export function isErrorKey(key: string): key is ErrorKey {
  return Object.hasOwn(errorSayings, key);
}

/** What a key's placeholders are, for the UI to format them; empty for a key this build does not know. */
export function paramKinds(key: string): Readonly<Record<string, ParamKind>> {
  return isErrorKey(key) ? errorSayings[key] : {};
}
