// A box record is a PKID with an optional serial, scanned in either order. Between the two reads the
// pairing lives here, per operator session and batch. It is memory only: a serial is not a device
// until its PKID arrives, so a restart loses at most one waiting serial, never a stored box.
export interface WaitingSerial {
  serial: string;
  manufacturer: string | null;
  model: string | null;
}

export class BoxAssembly {
  private readonly openBox = new Map<string, number>();
  private readonly waiting = new Map<string, WaitingSerial>();

  private key(sessionId: string, batchId: number): string {
    return `${sessionId}:${batchId}`;
  }

  /** A new box was stored: the next serial from this operator belongs to it. */
  boxStored(sessionId: string, batchId: number, deviceId: number): void {
    this.openBox.set(this.key(sessionId, batchId), deviceId);
  }

  boxAwaitingSerial(sessionId: string, batchId: number): number | undefined {
    return this.openBox.get(this.key(sessionId, batchId));
  }

  holdSerial(sessionId: string, batchId: number, serial: WaitingSerial): WaitingSerial | undefined {
    const key = this.key(sessionId, batchId);
    const previous = this.waiting.get(key);
    this.waiting.set(key, serial);
    this.openBox.delete(key);
    return previous;
  }

  takeWaitingSerial(sessionId: string, batchId: number): WaitingSerial | undefined {
    const key = this.key(sessionId, batchId);
    const serial = this.waiting.get(key);
    this.waiting.delete(key);
    return serial;
  }

  peekWaitingSerial(sessionId: string, batchId: number): WaitingSerial | undefined {
    return this.waiting.get(this.key(sessionId, batchId));
  }

  /** The box is complete, removed or replaced: a later serial must not join it. */
  closeBox(sessionId: string, batchId: number): void {
    this.openBox.delete(this.key(sessionId, batchId));
  }
}
