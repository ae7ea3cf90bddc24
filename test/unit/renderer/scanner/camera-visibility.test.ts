import { describe, expect, it, vi } from 'vitest';
import { pauseCameraWhileHidden, type VisibilitySource } from '../../../../renderer/src/scanner/camera-visibility';

// A document stand-in whose visibility the test flips.
class FakeDocument extends EventTarget implements VisibilitySource {
  visibilityState: DocumentVisibilityState = 'visible';
  set(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function fakeCamera(running = true) {
  const camera = {
    running,
    stop: vi.fn(() => {
      camera.running = false;
    }),
  };
  return camera;
}

describe('pauseCameraWhileHidden', () => {
  it('stops a running camera when hidden and asks for a restart when visible again', () => {
    const doc = new FakeDocument();
    const camera = fakeCamera();
    const onVisible = vi.fn(() => {
      camera.running = true;
    });
    pauseCameraWhileHidden(camera, { onVisible, source: doc });

    doc.set('hidden');
    expect(camera.stop).toHaveBeenCalledTimes(1);
    expect(onVisible).not.toHaveBeenCalled();
    doc.set('visible');
    expect(onVisible).toHaveBeenCalledTimes(1);
    // A second visible event without a hide in between restarts nothing.
    doc.set('visible');
    expect(onVisible).toHaveBeenCalledTimes(1);
  });

  it('leaves a camera the user had turned off alone', () => {
    const doc = new FakeDocument();
    const camera = fakeCamera(false);
    const onVisible = vi.fn();
    pauseCameraWhileHidden(camera, { onVisible, source: doc });
    doc.set('hidden');
    doc.set('visible');
    expect(camera.stop).not.toHaveBeenCalled();
    expect(onVisible).not.toHaveBeenCalled();
  });

  it('stops the camera and stops listening on dispose (unmount)', () => {
    const doc = new FakeDocument();
    const camera = fakeCamera();
    const onVisible = vi.fn();
    const dispose = pauseCameraWhileHidden(camera, { onVisible, source: doc });
    dispose();
    expect(camera.stop).toHaveBeenCalledTimes(1);
    camera.running = true;
    doc.set('hidden');
    doc.set('visible');
    expect(camera.stop).toHaveBeenCalledTimes(1);
    expect(onVisible).not.toHaveBeenCalled();
  });

  it('uses the real document by default', () => {
    const camera = fakeCamera();
    const dispose = pauseCameraWhileHidden(camera, { onVisible: () => {} });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(camera.stop).toHaveBeenCalledTimes(1);
    dispose();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});
