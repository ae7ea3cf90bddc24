// A box record is a PKID with an optional serial, scanned in either order. Between the two reads the
// pairing lives here, per operator session and batch. It is memory only: a serial is not a device
// until its PKID arrives, so a restart loses at most one waiting serial, never a stored box.
//
// A serial joins a box only when the two reads come close together (the station's pairing window)
// with no other read in between (issue 13: a garbage read joined a PKID scanned two reads earlier,
// past a duplicate). Anything else is asked about: the core answers "confirm", and the operator's
// yes comes back as the same read with confirmPkid set, which then joins the box it asked about.
export interface WaitingSerial {
  serial: string;
  manufacturer: string | null;
  model: string | null;
}

interface Stamped<T> {
  readonly value: T;
  readonly at: number;
  /** Another read came after it: it no longer pairs without asking. */
  interrupted: boolean;
}

export interface PairingAsk {
  readonly serial: string;
  /** The box the question named, or undefined: keep the serial waiting for the next PKID. */
  readonly deviceId: number | undefined;
}

export class BoxAssembly {
  private readonly openBox = new Map<string, Stamped<number>>();
  private readonly waiting = new Map<string, Stamped<WaitingSerial>>();
  private readonly asked = new Map<string, PairingAsk>();

  private key(sessionId: string, batchId: number): string {
    return `${sessionId}:${batchId}`;
  }

  /** A new box was stored: a serial right after it (in the window, nothing in between) belongs to it. */
  boxStored(sessionId: string, batchId: number, deviceId: number, at = 0): void {
    this.openBox.set(this.key(sessionId, batchId), { value: deviceId, at, interrupted: false });
  }

  boxAwaitingSerial(sessionId: string, batchId: number): number | undefined {
    return this.openBox.get(this.key(sessionId, batchId))?.value;
  }

  /** The open box and whether a serial read at `now` may join it without asking. */
  openBoxFor(sessionId: string, batchId: number, now: number, windowMs: number): { deviceId: number; close: boolean; seconds: number; interrupted: boolean } | undefined {
    const box = this.openBox.get(this.key(sessionId, batchId));
    if (box === undefined) return undefined;
    const elapsed = Math.max(0, now - box.at);
    return { deviceId: box.value, close: !box.interrupted && elapsed <= windowMs, seconds: Math.round(elapsed / 1000), interrupted: box.interrupted };
  }

  holdSerial(sessionId: string, batchId: number, serial: WaitingSerial, at = 0): WaitingSerial | undefined {
    const key = this.key(sessionId, batchId);
    const previous = this.waiting.get(key)?.value;
    this.waiting.set(key, { value: serial, at, interrupted: false });
    this.openBox.delete(key);
    return previous;
  }

  takeWaitingSerial(sessionId: string, batchId: number): WaitingSerial | undefined {
    const key = this.key(sessionId, batchId);
    const serial = this.waiting.get(key)?.value;
    this.waiting.delete(key);
    return serial;
  }

  peekWaitingSerial(sessionId: string, batchId: number): WaitingSerial | undefined {
    return this.waiting.get(this.key(sessionId, batchId))?.value;
  }

  /** The waiting serial, if a PKID read at `now` may take it without asking. */
  pairableWaitingSerial(sessionId: string, batchId: number, now: number, windowMs: number): WaitingSerial | undefined {
    const w = this.waiting.get(this.key(sessionId, batchId));
    return w !== undefined && !w.interrupted && Math.max(0, now - w.at) <= windowMs ? w.value : undefined;
  }

  /** A read that did not pair came in: what was open no longer pairs without asking. */
  interrupt(sessionId: string, batchId: number): void {
    const key = this.key(sessionId, batchId);
    const box = this.openBox.get(key);
    if (box !== undefined) box.interrupted = true;
    const w = this.waiting.get(key);
    if (w !== undefined) w.interrupted = true;
  }

  ask(sessionId: string, batchId: number, question: PairingAsk): void {
    this.asked.set(this.key(sessionId, batchId), question);
  }

  /** The question asked about this serial, taken (answered) when it matches. */
  takeAnswer(sessionId: string, batchId: number, serial: string): PairingAsk | undefined {
    const key = this.key(sessionId, batchId);
    const q = this.asked.get(key);
    this.asked.delete(key);
    return q?.serial === serial ? q : undefined;
  }

  /** The box is complete, removed or replaced: a later serial must not join it. */
  closeBox(sessionId: string, batchId: number): void {
    this.openBox.delete(this.key(sessionId, batchId));
  }
}
