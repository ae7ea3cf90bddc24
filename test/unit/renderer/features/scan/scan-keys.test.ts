import { describe, expect, it } from 'vitest';
import { scanKeyAction, type KeyLike } from '../../../../../renderer/src/features/scan/scan-keys';
import { pickCamera } from '../../../../../renderer/src/features/scan/camera-choice';

const key = (k: Partial<KeyLike>): KeyLike => ({ key: '', code: '', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...k });

describe('scan keys', () => {
  it('maps Ctrl+Z, Alt+C, Alt+B, Alt+F', () => {
    expect(scanKeyAction(key({ key: 'z', code: 'KeyZ', ctrlKey: true }), false)).toBe('undo');
    expect(scanKeyAction(key({ key: 'c', code: 'KeyC', altKey: true }), false)).toBe('camera');
    expect(scanKeyAction(key({ key: 'b', code: 'KeyB', altKey: true }), false)).toBe('switch');
    expect(scanKeyAction(key({ key: 'f', code: 'KeyF', altKey: true }), false)).toBe('close');
  });

  it('F2 alone opens the tuple picker; with a modifier it does nothing', () => {
    expect(scanKeyAction(key({ key: 'F2', code: 'F2' }), false)).toBe('tuple');
    expect(scanKeyAction(key({ key: 'F2', code: 'F2', shiftKey: true }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'F2', code: 'F2', ctrlKey: true }), false)).toBeUndefined();
  });

  it('reads the character first: Ctrl+Z on AZERTY (the key at KeyW) is undo, Ctrl+W is not', () => {
    expect(scanKeyAction(key({ key: 'z', code: 'KeyW', ctrlKey: true }), false)).toBe('undo');
    expect(scanKeyAction(key({ key: 'w', code: 'KeyW', ctrlKey: true }), false)).toBeUndefined();
  });

  it('falls back to the physical key when the character is not a letter (Alt on macOS, dead keys)', () => {
    expect(scanKeyAction(key({ key: 'ç', code: 'KeyC', altKey: true }), false)).toBe('camera');
  });

  it('ignores wrong modifiers and plain letters (they belong to the scanner)', () => {
    expect(scanKeyAction(key({ key: 'z', code: 'KeyZ' }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'z', code: 'KeyZ', altKey: true }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'c', code: 'KeyC', ctrlKey: true }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'c', code: 'KeyC', ctrlKey: true, altKey: true }), false)).toBeUndefined();
  });

  it('Enter and Esc answer a PKID question only while one is open', () => {
    expect(scanKeyAction(key({ key: 'Enter', code: 'Enter' }), true)).toBe('keep');
    expect(scanKeyAction(key({ key: 'Escape', code: 'Escape' }), true)).toBe('drop');
    expect(scanKeyAction(key({ key: 'Enter', code: 'Enter' }), false)).toBeUndefined();
    expect(scanKeyAction(key({ key: 'Enter', code: 'Enter', ctrlKey: true }), true)).toBeUndefined();
  });
});

describe('camera choice', () => {
  const cams = [{ deviceId: 'a' }, { deviceId: 'b' }];
  it('takes the remembered camera when it is still there, else the first', () => {
    expect(pickCamera(cams, 'b')).toBe('b');
    expect(pickCamera(cams, 'gone')).toBe('a');
    expect(pickCamera(cams, null)).toBe('a');
    expect(pickCamera([], 'b')).toBeUndefined();
  });
});
