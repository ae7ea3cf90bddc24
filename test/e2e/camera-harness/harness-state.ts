// What the camera harness page exposes as `globalThis.cameraHarness`, shared by the page script and
// the Node test that drives it. Deliberately written out rather than imported from the renderer:
// the Node tsconfig has no DOM types, and everything here crosses page.evaluate as JSON anyway.
// harness.mts assigns the real reader types to these, so the type checker catches drift there.

export interface HarnessRead {
  readonly text: string;
  readonly symbology: string;
  readonly view: string;
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

export interface HarnessAttempt {
  readonly view: string;
  readonly decodeMs: number;
  readonly decision?: string;
}

/** One still image decoded by plain zxing and by the station's reader. */
export interface PhotoComparison {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** BrowserMultiFormatReader with its defaults, whole frame: null when it read nothing. */
  readonly plain: { readonly text: string; readonly format: string } | null;
  /** What the station accepted (two agreeing reads) over `attempts` attempts on this frame. */
  readonly accepted: readonly string[];
  /** Every raw read the station made, accepted or not. */
  readonly reads: ReadonlyArray<{ readonly text: string; readonly view: string }>;
  /** Attempts until the first accept, or null. */
  readonly attemptsToAccept: number | null;
  readonly decodeMs: readonly number[];
  readonly plainMs: number;
}

export interface CompareOptions {
  /** Attempts per image (default a turn of the schedule and 4 more: 1.2 s of a still label). */
  readonly attempts?: number;
  /** Views to cycle through instead of the station's schedule (['aim'] = the reader before issue 13). */
  readonly cycle?: readonly string[];
}

export interface CameraHarness {
  /** Loads each /files/<name> image and decodes it with plain zxing and with the station's reader. */
  comparePhotos(names: readonly string[], options?: CompareOptions): Promise<PhotoComparison[]>;
  listCameras(): Promise<HarnessListResult>;
  /** (Re)creates the reader and starts it on the default camera; clears `reads`, stamps `startedAt`. */
  start(options?: HarnessStartOptions): Promise<HarnessStartResult>;
  stop(): HarnessStopReport;
  readonly startedAt: number | undefined;
  readonly reads: readonly HarnessRead[];
  readonly attempts: readonly HarnessAttempt[];
  readonly errors: readonly HarnessError[];
}

declare global {
  // Set by harness.mts; read by the test through page.evaluate.
  var cameraHarness: CameraHarness | undefined;
}
