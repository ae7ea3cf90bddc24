// What the camera harness page exposes as `globalThis.cameraHarness`, shared by the page script and
// the Node test that drives it. Deliberately written out rather than imported from the renderer:
// the Node tsconfig has no DOM types, and everything here crosses page.evaluate as JSON anyway.
// harness.mts assigns the real reader types to these, so the type checker catches drift there.

export interface HarnessRead {
  readonly text: string;
  readonly symbology: string;
  readonly at: number;
  readonly decision: 'accepted' | 'pending' | 'suppressed';
}

export interface HarnessError {
  readonly kind: string;
  readonly message: string;
}

export type HarnessStartResult = { readonly status: 'started' | 'stopped' } | { readonly status: 'failed'; readonly error: HarnessError };

export type HarnessListResult =
  | { readonly ok: true; readonly cameras: ReadonlyArray<{ readonly deviceId: string; readonly label: string }> }
  | { readonly ok: false; readonly error: HarnessError };

export interface HarnessStartOptions {
  /** false decodes whole frames (to measure what the aim box buys). */
  readonly aim?: false | { readonly width: number; readonly height: number };
  readonly scanIntervalMs?: number;
}

export interface HarnessStopReport {
  /** readyState of every track getUserMedia handed out, after stop(). */
  readonly trackStates: readonly string[];
  readonly videoSourceCleared: boolean;
  readonly running: boolean;
}

export interface CameraHarness {
  listCameras(): Promise<HarnessListResult>;
  /** (Re)creates the reader and starts it on the default camera; clears `reads`, stamps `startedAt`. */
  start(options?: HarnessStartOptions): Promise<HarnessStartResult>;
  stop(): HarnessStopReport;
  readonly startedAt: number | undefined;
  readonly reads: readonly HarnessRead[];
  readonly errors: readonly HarnessError[];
}

declare global {
  // Set by harness.mts; read by the test through page.evaluate.
  var cameraHarness: CameraHarness | undefined;
}
