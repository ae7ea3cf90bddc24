import { z } from 'zod';
import { SYMBOLOGIES } from '../domain/barcode';
import { defineChannels } from './define';
import { id, identitySummary } from './common';

/** Longer reads are refused by classification anyway; this bound keeps a runaway wedge from flooding the core. */
export const MAX_RAW_SCAN = 16_384;

export const deviceView = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  pkid: z.string().nullable(),
  serial: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  source: z.enum(['wedge', 'camera', 'import']),
  scannedBy: z.string(),
  scannedAt: z.number(),
  state: z.string(),
  identity: identitySummary,
});
export type DeviceView = z.infer<typeof deviceView>;

export const duplicateWhere = z.object({
  /** other-station: another dock of the fleet scanned the box first (batchName is that dock's batch). */
  scope: z.enum(['this-batch', 'other-batch', 'registered', 'other-station']),
  /** The dock that has it, for other-station. */
  stationName: z.string().optional(),
  batchId: z.number().int(),
  batchName: z.string(),
  scannedBy: z.string(),
  scannedAt: z.number(),
});

export const scanVerdict = z.discriminatedUnion('verdict', [
  z.object({
    verdict: z.literal('accepted'),
    /** new-box: a PKID made a new device; tuple-box: a serial + manufacturer + model made one; serial-attached: a serial joined a box; serial-waiting: a serial waits for its PKID (or a manufacturer and model). */
    effect: z.enum(['new-box', 'tuple-box', 'serial-attached', 'serial-waiting']),
    message: z.string(),
    device: deviceView.nullable(),
    count: z.number().int(),
  }),
  z.object({ verdict: z.literal('duplicate'), message: z.string(), value: z.string(), where: duplicateWhere, count: z.number().int() }),
  z.object({ verdict: z.literal('invalid'), message: z.string(), raw: z.string(), count: z.number().int() }),
  z.object({ verdict: z.literal('confirm'), message: z.string(), value: z.string(), count: z.number().int() }),
]);
export type ScanVerdict = z.infer<typeof scanVerdict>;

/** What one undo took back: the newest read of the operator in the batch, and only that read. */
export const undoResult = z.object({
  /** box: the box is gone; serial: the serial that joined a box left it; waiting-serial: a serial not yet in a box was dropped; null: nothing to undo. */
  undid: z.enum(['box', 'serial', 'waiting-serial']).nullable(),
  removed: deviceView.nullable(),
  /** The box as it is after its serial was taken back. */
  box: deviceView.nullable(),
  /** The serial that waits for its PKID again (it was read before the PKID that was undone). */
  waitingSerial: z.string().nullable(),
  message: z.string(),
  count: z.number().int(),
});
export type UndoResult = z.infer<typeof undoResult>;

export const tupleChoice = z.object({
  manufacturer: z.string(),
  model: z.string(),
  /** 'recent': used on this station (newest first); 'catalog': from the data file of firmware spellings. */
  from: z.enum(['recent', 'catalog']),
  /** What the model is called on the box or in the OEM's catalogue, when the firmware value is a code. */
  description: z.string().nullable(),
});
export const tupleChoices = z.object({
  manufacturers: z.array(z.object({ name: z.string(), from: z.enum(['recent', 'catalog']) })),
  /** Models of the requested manufacturer (all recent pairs when none was asked for). */
  models: z.array(tupleChoice),
});
export type TupleChoices = z.infer<typeof tupleChoices>;

export const scanChannels = defineChannels({
  'scans:record': {
    input: z.strictObject({
      batchId: id,
      raw: z.string().max(MAX_RAW_SCAN, `A read is at most ${MAX_RAW_SCAN} characters; this looks like several scans or a stuck scanner.`),
      /** manual: typed by a person into the manual-entry field (a damaged label), not read by a scanner. */
      source: z.enum(['wedge', 'camera', 'manual']),
      symbology: z.enum(SYMBOLOGIES).optional(),
      /** The operator said yes to a confirm verdict: a 13-digit read that passes the EAN-13 check is the PKID, or a serial joins the box it named. */
      confirmPkid: z.boolean().optional(),
      /** The wedge saw keys typing other characters than a US layout types on them, unexplained by a learned scanner: the core refuses the read and says how to fix it. */
      layoutMismatch: z.boolean().optional(),
      /** The same keys read as a US keyboard types them (for the message). */
      usReading: z.string().max(MAX_RAW_SCAN).optional(),
    }),
    output: scanVerdict,
    permission: 'station:use',
    summary: 'Record one barcode read into an open batch.',
  },
  'scans:recordTuple': {
    input: z.strictObject({
      batchId: id,
      /** The serial as read from the box (a scan or the waiting serial); the core classifies it again. */
      raw: z.string().max(MAX_RAW_SCAN),
      source: z.enum(['wedge', 'camera']),
      /** Exactly as the firmware (SMBIOS) reports them: Autopilot matches the tuple case-sensitively. */
      manufacturer: z.string().trim().min(1, 'Choose the manufacturer.').max(100),
      model: z.string().trim().min(1, 'Choose or scan the model.').max(100),
    }),
    output: scanVerdict,
    permission: 'station:use',
    summary: 'Record a box that has no PKID by its serial, manufacturer and model (the tuple).',
  },
  'scans:tupleChoices': {
    input: z.strictObject({ manufacturer: z.string().max(100).optional() }),
    output: tupleChoices,
    permission: 'station:use',
    summary: 'Manufacturers and models to pick from: recent ones on this station first, then the firmware spellings of common OEMs.',
  },
  'scans:undo': {
    input: z.strictObject({ batchId: id }),
    output: undoResult,
    permission: 'station:use',
    summary: 'Undo your last accepted read in this batch: a serial that joined a box leaves it; the box stays.',
  },
  'scans:recent': {
    input: z.strictObject({ batchId: id, limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(deviceView),
    permission: 'station:use',
    summary: 'The newest boxes in a batch.',
  },
});
