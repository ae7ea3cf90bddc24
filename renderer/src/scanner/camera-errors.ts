// getUserMedia failures, mapped to what the person at the dock can do about them. The browser
// reports them as DOMException names; the older Chrome names (DevicesNotFoundError, …) are kept
// because Electron on old builds and some drivers still produce them.

export type CameraErrorKind = 'none' | 'denied' | 'busy' | 'other';

export interface CameraError {
  readonly kind: CameraErrorKind;
  readonly message: string;
}

const MESSAGES = {
  none: 'No camera found. Plug in a webcam (or check its cable), then press Try again. You can still scan with the handheld scanner.',
  denied:
    'Camera access was refused. To allow it: open Windows Settings > Privacy & security > Camera, turn on "Camera access" and "Let desktop apps access your camera", then press Try again.',
  busy: 'The camera is in use by another program (for example Teams, Zoom or the Windows Camera app). Close that program, then press Try again.',
  other: 'The camera could not be started. Unplug it and plug it back in, then press Try again. If it keeps failing, use the handheld scanner.',
} as const satisfies Record<CameraErrorKind, string>;

const KIND_BY_NAME: Readonly<Record<string, CameraErrorKind>> = {
  NotFoundError: 'none',
  DevicesNotFoundError: 'none',
  OverconstrainedError: 'none',
  ConstraintNotSatisfiedError: 'none',
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
};

export function cameraErrorOf(kind: CameraErrorKind): CameraError {
  return { kind, message: MESSAGES[kind] };
}

/** Anything thrown while starting or running the camera -> the on-screen error. */
export function toCameraError(error: unknown): CameraError {
  const name = error instanceof Error || isNamed(error) ? error.name : undefined;
  return cameraErrorOf((name !== undefined ? KIND_BY_NAME[name] : undefined) ?? 'other');
}

// DOMException is not an Error subclass in every realm (jsdom, older Electron), so match by shape.
function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string';
}
