import { describe, expect, it } from 'vitest';
import { toCameraError, type CameraErrorKind } from '../../../../renderer/src/scanner/camera-errors';

describe('camera error mapping', () => {
  const cases: ReadonlyArray<readonly [string, CameraErrorKind]> = [
    ['NotFoundError', 'none'],
    ['OverconstrainedError', 'none'],
    ['DevicesNotFoundError', 'none'],
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['TrackStartError', 'busy'],
    ['TypeError', 'other'],
    ['SomethingNew', 'other'],
  ];

  it.each(cases)('%s -> %s', (name, kind) => {
    expect(toCameraError(new DOMException('x', name)).kind).toBe(kind);
  });

  it('reads the name from plain Errors and error-like objects too', () => {
    const error = new Error('boom');
    error.name = 'NotAllowedError';
    expect(toCameraError(error).kind).toBe('denied');
    expect(toCameraError({ name: 'NotReadableError' }).kind).toBe('busy');
  });

  it('maps anything else to other', () => {
    for (const thrown of [undefined, null, 'NotFoundError', 42, {}]) expect(toCameraError(thrown).kind).toBe('other');
  });

  it('gives plain-language messages that say what to do', () => {
    expect(toCameraError(new DOMException('', 'NotFoundError')).message).toMatch(/^No camera found/);
    expect(toCameraError(new DOMException('', 'NotAllowedError')).message).toMatch(/^Camera access was refused.*Settings > Privacy & security > Camera/);
    expect(toCameraError(new DOMException('', 'NotReadableError')).message).toMatch(/^The camera is in use by another program/);
    expect(toCameraError(new Error('x')).message).toMatch(/Try again/);
  });
});
