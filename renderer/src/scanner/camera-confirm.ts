// Turns a stream of per-frame decoder reads into accepted values. Pure: time comes in as an argument.
//
// Why two agreeing reads: a webcam decoder re-reads the same label many times a second, and a rare
// Code 128 misread almost never repeats identically on the next frame, so requiring agreement costs
// ~one attempt (~75 ms) and removes most misreads.
//
// What breaks "consecutive": a read of a DIFFERENT value resets the candidate (it is evidence the
// label moved or that one of the two reads is wrong). A frame with no read does NOT reset it: on a
// real camera most attempts between two good reads fail (motion blur, focus hunting, a hand), and a
// miss says nothing against the value. Misses are bounded in time instead: a candidate older than
// `confirmWindowMs` is dropped, so a read from a label shown seconds ago cannot pair with a new one.
//
// Views: the reader decodes a different part of the frame (camera-views) on successive attempts, and
// two parts of one frame may rightly hold two different codes (the aim box the PKID, the whole frame
// its EAN-13 neighbour). So "consecutive" is judged per view: each view keeps its own candidate,
// a different value read in a view replaces that view's candidate only, and a read is accepted when
// it agrees with the live candidate of any view. A misread must still repeat identically, either in
// the next read of the same view or in another view's latest read.
//
// Repeats: once accepted, a value is 'suppressed' while it keeps being read, and becomes acceptable
// again only after it has been out of sight for `repeatMs`. Counting from the last sighting rather
// than from the accept means a label left under the camera is not re-accepted every 1.5 s, while a
// deliberate re-scan (take the box away, bring it back) still works. Other values are never blocked.

export type CameraReadDecision = 'accepted' | 'pending' | 'suppressed';

export interface CameraConfirmOptions {
  /** Same value not re-accepted until it has been unseen this long. */
  readonly repeatMs?: number;
  /** Longest gap between the two agreeing reads. */
  readonly confirmWindowMs?: number;
}

export interface CameraConfirmer {
  /** One successful decode of `value` at time `at` (ms, any monotonic clock), in the part of the
   * frame named `view` (one view if omitted). */
  read(value: string, at: number, view?: string): CameraReadDecision;
  /** Forget the candidate and every suppression, e.g. when the camera restarts. */
  reset(): void;
}

export const DEFAULT_REPEAT_MS = 1500;
export const DEFAULT_CONFIRM_WINDOW_MS = 500;

export function createCameraConfirmer(options: CameraConfirmOptions = {}): CameraConfirmer {
  const repeatMs = options.repeatMs ?? DEFAULT_REPEAT_MS;
  const confirmWindowMs = options.confirmWindowMs ?? DEFAULT_CONFIRM_WINDOW_MS;
  // view -> its latest read not yet accepted
  const candidates = new Map<string, { value: string; at: number }>();
  // value -> last time it was read after being accepted
  const lastSeenAccepted = new Map<string, number>();

  function forgetExpired(at: number): void {
    for (const [value, seen] of lastSeenAccepted) {
      if (at - seen >= repeatMs) lastSeenAccepted.delete(value);
    }
  }

  return {
    read(value, at, view = '') {
      forgetExpired(at);
      if (lastSeenAccepted.has(value)) {
        lastSeenAccepted.set(value, at);
        candidates.delete(view);
        return 'suppressed';
      }
      for (const candidate of candidates.values()) {
        if (candidate.value === value && at - candidate.at <= confirmWindowMs) {
          // Other views' candidates stay: they may be the label's other codes.
          for (const [key, other] of candidates) if (other.value === value) candidates.delete(key);
          lastSeenAccepted.set(value, at);
          return 'accepted';
        }
      }
      candidates.set(view, { value, at });
      return 'pending';
    },
    reset() {
      candidates.clear();
      lastSeenAccepted.clear();
    },
  };
}
