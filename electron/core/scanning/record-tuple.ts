// scans:recordTuple. A box without a PKID is recorded by its serial with the manufacturer and model
// its firmware reports (the tuple). The serial read is classified again here, because a PKID read by
// mistake must go through scans:record instead. Checks and the write share one IMMEDIATE transaction,
// as for scans:record; a full disk surfaces as DISK_FULL from the dispatcher, never as "accepted".
import { classifyRead, displayRaw } from '../../../shared/domain/barcode';
import { firmwareValueProblem, OEM_CATALOG, catalogModelsOf, otherCaseSpelling } from '../../../shared/domain/oem-models';
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { countLiveDevices } from '../../../db/repos/batches';
import { deviceView, findLiveDuplicate, insertDevice } from '../../../db/repos/devices';
import { findRemoteDuplicate } from '../../../db/repos/remote-inventory';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import { closedForScanning, fleetDuplicateVerdict, invalidVerdict, liveDuplicateVerdict, remoteDuplicateVerdict } from './verdicts';

export interface TupleInput {
  batchId: number;
  raw: string;
  source: 'wedge' | 'camera';
  manufacturer: string;
  model: string;
}

const ACTION = 'scans:recordTuple';

interface SerialRead {
  serial: string;
  /** The model the same barcode carries (Lenovo's 1S label barcode holds the machine type + model). */
  labelModel: string | null;
}

/** Why the read cannot be this box's serial, or the serial itself. */
function serialOf(raw: string): SerialRead | { problem: string } {
  const read = classifyRead({ raw });
  switch (read.kind) {
    case 'serial':
      return { serial: read.value, labelModel: read.model ?? null };
    case 'pkid':
      return { problem: `${read.value} is a PKID, not a serial: scan it as a normal scan (a box with a PKID needs no manufacturer or model).` };
    case 'pkid-unconfirmed':
      return { problem: `${read.value} is a PKID or a retail barcode, not a serial: scan the serial (S/N), or scan a PKID as a normal scan.` };
    case 'gtin':
      return { problem: `That is the retail barcode (${read.format.toUpperCase()} ${read.value}), not the serial. Scan the barcode labelled S/N or Serial No.` };
    case 'unknown':
    case 'invalid':
      return { problem: `Not a serial: ${read.reason}.` };
  }
}

function partsProblem({ manufacturer, model }: TupleInput): string | null {
  const m = firmwareValueProblem(manufacturer);
  if (m) return `The manufacturer ${m}: choose it from the list, spelled exactly as the firmware reports it.`;
  const p = firmwareValueProblem(model);
  if (p) return `The model ${p}: choose it from the list or scan the model barcode.`;
  return null;
}

/** The serial to record, or why this read and these parts cannot make a box. */
function checkTuple(input: TupleInput): SerialRead | { problem: string } {
  const read = serialOf(input.raw);
  if ('problem' in read) return read;
  const problem = partsProblem(input);
  return problem === null ? read : { problem };
}

/**
 * A reminder when the label's own barcode names another model, or the pair is the catalogue's in
 * another case: Autopilot would not match it. Staff may know better (the lists are heuristics), so it
 * is a note on an accepted box, not a refusal.
 */
function spellingNote({ manufacturer, model }: TupleInput, labelModel: string | null): string {
  if (labelModel !== null && labelModel !== model) return ` Check the model: the label's barcode says ${labelModel}.`;
  const listedMaker = otherCaseSpelling(manufacturer, OEM_CATALOG.manufacturers);
  if (listedMaker) return ` Check the case: the firmware list spells the manufacturer ${listedMaker}.`;
  const listedModel = otherCaseSpelling(model, catalogModelsOf(manufacturer).map((m) => m.model));
  return listedModel ? ` Check the case: the firmware list spells the model ${listedModel}.` : '';
}

function record(ctx: HandlerContext, tx: StationTx, operatorId: number, input: TupleInput, { serial, labelModel }: SerialRead): ScanVerdict {
  const { batchId, manufacturer, model } = input;
  const dup = { action: ACTION, batchId, value: serial, what: `Serial ${serial} (${manufacturer})`, detail: { serial, manufacturer, model } } as const;
  const existing = findLiveDuplicate(tx, { pkid: null, hardwareHash: null, serial, manufacturer, model });
  if (existing) return liveDuplicateVerdict(ctx, tx, dup, existing);
  const remote = findRemoteDuplicate(tx, { pkid: null, serial, manufacturer });
  if (remote) return remoteDuplicateVerdict(ctx, tx, dup, remote);
  const elsewhere = fleetDuplicateVerdict(ctx, tx, dup, { serial, manufacturer, model });
  if (elsewhere) return elsewhere;
  const row = insertDevice(tx, { batchId, pkid: null, serial, manufacturer, model, raw: input.raw, source: input.source, scannedBy: operatorId, scannedAt: ctx.now() });
  ctx.audit(tx, { action: ACTION, objectType: 'device', objectId: row.id, detail: { serial, manufacturer, model, source: input.source } });
  return {
    verdict: 'accepted',
    effect: 'tuple-box',
    message: `Serial ${serial} (${manufacturer}, ${model}) accepted.${spellingNote(input, labelModel)}`,
    device: deviceView(tx, row.id) ?? null,
    count: countLiveDevices(tx, batchId),
  };
}

export function recordTuple(ctx: HandlerContext, input: TupleInput): Result<ScanVerdict> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  const checked = checkTuple(input);
  const result = ctx.write(['devices'], (tx): Result<ScanVerdict> => {
    const closed = closedForScanning(tx, input.batchId);
    if (closed) return closed;
    if ('problem' in checked) {
      return ok(invalidVerdict(ctx, tx, ACTION, input.batchId, input.raw, checked.problem, { manufacturer: displayRaw(input.manufacturer), model: displayRaw(input.model) }));
    }
    return ok(record(ctx, tx, session.operatorId, input, checked));
  });
  if (result.ok && result.value.verdict === 'accepted' && 'serial' in checked) {
    // The serial waiting for its PKID is now a box of its own: a PKID scanned next must not take it.
    const waiting = ctx.boxes.peekWaitingSerial(session.sessionId, input.batchId);
    if (waiting?.serial === checked.serial) ctx.boxes.takeWaitingSerial(session.sessionId, input.batchId);
    ctx.boxes.closeBox(session.sessionId, input.batchId);
  }
  return result;
}
