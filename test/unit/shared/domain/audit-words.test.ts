// The audit trail in words: one sentence per kind of event, with the names the core joined in.
import { describe, expect, it } from 'vitest';
import { actionWords, describeAuditEvent, describeAuditObject, type AuditFacts } from '../../../../shared/domain/audit-words';

const facts = (f: Partial<AuditFacts>): AuditFacts => ({
  action: 'scans:record', result: 'ok', operatorName: 'Olga', objectType: 'device', objectId: '22', detail: {},
  batchName: 'Dock-A 2026-12-07', devicePkid: '3512345678901', deviceSerial: null, customerName: null, objectOperatorName: null, ...f,
});

describe('describeAuditEvent', () => {
  it('names the operator, the box and the batch of a scan, and how it came in', () => {
    expect(describeAuditEvent(facts({ detail: { pkid: '3512345678901', source: 'wedge' } }))).toBe('Olga scanned PKID 3512345678901 into batch Dock-A 2026-12-07');
    expect(describeAuditEvent(facts({ detail: { pkid: '3512345678901', source: 'manual', typed: true } }))).toBe('Olga scanned PKID 3512345678901 into batch Dock-A 2026-12-07 (typed by hand)');
    expect(describeAuditEvent(facts({ result: 'denied', objectType: 'batch', objectId: '2', devicePkid: null, detail: { raw: '12AB', message: 'This is not a PKID.' } }))).toBe(
      "Olga's scan into batch Dock-A 2026-12-07 was refused: This is not a PKID.",
    );
  });

  it('says which read an undo took back', () => {
    expect(describeAuditEvent(facts({ action: 'scans:undo', detail: { undid: 'serial', pkid: '3512345678901', serial: 'PF3KQ2A1' } }))).toBe('Olga took serial PF3KQ2A1 back off PKID 3512345678901 (undo)');
    expect(describeAuditEvent(facts({ action: 'scans:undo', detail: { undid: 'box', pkid: '3512345678901' } }))).toBe('Olga undid the scan of PKID 3512345678901 in batch Dock-A 2026-12-07');
  });

  it('tells corrections, approvals and lock-outs with their reasons and people', () => {
    expect(describeAuditEvent(facts({ action: 'review:fixDevice', operatorName: 'Lee', detail: { pkid: '3512345678901', before: { serial: 'PF3KQ2A' }, after: { serial: 'PF3KQ2A1' }, reason: 'label misread' } }))).toBe(
      'Lee fixed PKID 3512345678901 in batch Dock-A 2026-12-07 (serial PF3KQ2A → PF3KQ2A1): label misread',
    );
    expect(describeAuditEvent(facts({ action: 'approval:approve', operatorName: 'Lee', objectType: 'batch', customerName: 'Contoso', detail: { devices: 40, confirmedByName: 'Ada' } }))).toBe(
      'Lee approved batch Dock-A 2026-12-07 for Contoso (40 devices), confirmed by Ada',
    );
    const until = new Date(2026, 11, 7, 14, 5, 30).getTime();
    expect(describeAuditEvent(facts({ action: 'session:lockedOut', result: 'denied', objectType: 'operator', objectId: '3', objectOperatorName: 'Olga', batchName: null, detail: { lockedUntil: until } }))).toBe(
      'Olga was locked out until 14:05:30 after too many wrong PINs',
    );
  });

  it('falls back to the kind in words, never a bare code', () => {
    expect(actionWords('uploads:batchMismatch')).toBe('uploads: batch mismatch');
    expect(describeAuditEvent(facts({ action: 'uploads:batchMismatch', result: 'failed', operatorName: 'upload engine', objectType: 'batch', devicePkid: null }))).toBe(
      'upload engine: uploads: batch mismatch (batch Dock-A 2026-12-07), failed',
    );
  });
});

describe('describeAuditObject', () => {
  it('names the object, or says its id when it is gone', () => {
    expect(describeAuditObject(facts({}))).toBe('PKID 3512345678901');
    expect(describeAuditObject(facts({ objectType: 'batch', objectId: '2' }))).toBe('batch Dock-A 2026-12-07');
    expect(describeAuditObject(facts({ objectType: 'batch', objectId: '9', batchName: null }))).toBe('batch 9');
    expect(describeAuditObject(facts({ objectType: 'operator', objectId: '3', objectOperatorName: 'Olga' }))).toBe('operator Olga');
    expect(describeAuditObject(facts({ objectType: null, objectId: null }))).toBeNull();
  });
});
