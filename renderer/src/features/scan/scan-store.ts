// The scanning session of one batch: a queue of reads and undos sent to the core one at a time, the
// verdict on screen, the recent list and the box being assembled. Feature-local (one store per
// scanning view), never a slice of the app store.
//
// Why a queue: a scanner can fire the next read while the core is still answering the last one. The
// two must reach the core in order (a serial pairs with the PKID before or after it), and neither may
// be dropped. A "confirm" answer pauses the queue until the operator says keep (Enter) or drop (Esc),
// so what follows is never recorded ahead of the read it is waiting on; a new scan answers it too (the
// same label: keep; another one: the question is dropped, visibly, and the new read goes on). A box without a PKID (its
// serial waiting, manufacturer and model chosen in the tuple picker) goes through the same queue. When the core cannot be
// reached, the job stays at the head of the queue and is retried.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChannelOutput } from '../../../../shared/contract';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { DeviceView, ScanVerdict } from '../../../../shared/contract/scans';
import { classifyRead, displayRaw, type Symbology } from '../../../../shared/domain/barcode';
import type { ApiClient } from '../../api';
import { i18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import type { FeedbackSound } from '../../scanner/feedback-sounds';
import { entryFromDevice, entryFromVerdict, hintFor, type ScanEntry } from './scan-entries';

export type BannerKind = ScanVerdict['verdict'] | 'idle' | 'undo' | 'dropped';

export interface Banner {
  /** Bumped on every new banner, so an identical verdict still shows (and flashes) as new. */
  readonly seq: number;
  readonly kind: BannerKind;
  readonly message: string;
}

export interface ScanRead {
  readonly raw: string;
  /** manual: typed into the manual-entry field by a person (a damaged label). */
  readonly source: 'wedge' | 'camera' | 'manual';
  readonly symbology?: Symbology;
  readonly confirmPkid?: boolean;
  /** From the wedge: layout damage the core refuses (see WedgeBurst.layoutMismatch). */
  readonly layoutMismatch?: boolean;
  readonly usReading?: string;
}

export interface TupleParts {
  readonly manufacturer: string;
  readonly model: string;
}

type Job = { readonly kind: 'scan'; readonly read: ScanRead } | { readonly kind: 'tuple'; readonly read: ScanRead; readonly parts: TupleParts } | { readonly kind: 'undo' };

/** The serial read waiting for its PKID (or for a manufacturer and model). */
export interface WaitingBox {
  readonly read: ScanRead;
  readonly serial: string;
  /** Spelled as the firmware reports it, when the serial's pattern names the maker. */
  readonly manufacturer: string | null;
}

export interface ScanState {
  readonly batch: BatchSummary;
  readonly count: number;
  readonly banner: Banner;
  /** What the read looks like, shown while the core answers; never a verdict. */
  readonly hint: string | null;
  /** A 13-digit read that passes the EAN-13 check, waiting for Enter (keep) or Esc (drop). */
  readonly confirm: { readonly read: ScanRead; readonly value: string } | null;
  /** Jobs not yet answered, the one in flight included. */
  readonly queued: number;
  /** The core could not be reached; jobs are kept and retried. */
  readonly offline: string | null;
  readonly entries: readonly ScanEntry[];
  /** A serial scanned before its box's PKID. */
  readonly waitingSerial: string | null;
  readonly waitingBox: WaitingBox | null;
  submit(read: ScanRead): void;
  /** Records the waiting serial by its tuple; false when no serial is waiting. */
  submitTuple(parts: TupleParts): boolean;
  keepPkid(): void;
  dropPkid(): void;
  undo(): void;
  loadRecent(): Promise<void>;
  /** (Re)starts the queue; the view calls it on mount. */
  activate(): void;
  /** Stops the queue and any retry; nothing is sent after it (until activate). */
  dispose(): void;
}

export interface ScanStoreOptions {
  readonly api: ApiClient;
  readonly batch: BatchSummary;
  readonly feedback?: (sound: FeedbackSound) => void;
  /** Pause before retrying a job the core could not be reached for. */
  readonly retryMs?: number;
}

export type ScanStore = StoreApi<ScanState>;

export const RECENT_LIMIT = 20;
// The store's own words are said in the language of the moment they are shown, like the core's.
const say = (key: string, params?: Record<string, string | number>): string => i18n.t(key, { ns: 'scan', ...params });
const SOUND_OF: Readonly<Record<ScanVerdict['verdict'], FeedbackSound>> = { accepted: 'accepted', duplicate: 'duplicate', invalid: 'invalid', confirm: 'duplicate' };

export function createScanStore({ api, batch, feedback, retryMs = 1000 }: ScanStoreOptions): ScanStore {
  const jobs: Job[] = [];
  let running = false;
  let disposed = false;
  let seq = 0;
  let entryKey = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const store = createStore<ScanState>()((set, get) => {
    const show = (kind: BannerKind, message: string): Banner => ({ seq: ++seq, kind, message });
    const addEntry = (entry: Omit<ScanEntry, 'key'>): readonly ScanEntry[] => [{ ...entry, key: ++entryKey }, ...get().entries].slice(0, RECENT_LIMIT);

    /** The newest open "PKID?" line for this value, shown as dropped. */
    function markDropped(value: string): readonly ScanEntry[] {
      const entries = get().entries;
      const question = entries.find((e) => e.kind === 'confirm' && e.value === value && !e.dropped);
      return entries.map((e) => (e === question ? { ...e, dropped: true, message: say('store.droppedLine', { value }) } : e));
    }

    function onVerdict(read: ScanRead, verdict: ScanVerdict): void {
      feedback?.(SOUND_OF[verdict.verdict]);
      const next: { -readonly [K in keyof ScanState]?: ScanState[K] } = {
        count: verdict.count,
        banner: show(verdict.verdict, verdict.message),
        entries: addEntry(entryFromVerdict(read, verdict, Date.now())),
      };
      if (verdict.verdict === 'confirm') next.confirm = { read, value: verdict.value };
      if (verdict.verdict === 'accepted' && (verdict.effect === 'new-box' || verdict.effect === 'tuple-box')) {
        next.waitingSerial = null;
        next.waitingBox = null;
      }
      if (verdict.verdict === 'accepted' && verdict.effect === 'serial-waiting') {
        const classified = classifyRead({ raw: read.raw, symbology: read.symbology });
        const serial = classified.kind === 'serial' ? classified.value : displayRaw(read.raw);
        next.waitingSerial = serial;
        next.waitingBox = { read, serial, manufacturer: classified.kind === 'serial' ? (classified.manufacturer ?? null) : null };
      }
      set(next);
    }

    function onRefused(read: ScanRead | undefined, message: string): void {
      feedback?.('invalid');
      const entries = read ? addEntry({ kind: 'invalid', value: displayRaw(read.raw), message, pkid: null, serial: null, deviceId: null, source: read.source, at: Date.now(), undone: false, identity: null }) : get().entries;
      set({ banner: show('invalid', message), entries });
    }

    function onUndone(result: ChannelOutput<'scans:undo'>): void {
      const next: { -readonly [K in keyof ScanState]?: ScanState[K] } = { count: result.count, banner: show('undo', result.message) };
      const entries = get().entries;
      if (result.undid === 'box' && result.removed) {
        const removedId = result.removed.id;
        next.entries = entries.map((e) => (e.deviceId === removedId ? { ...e, undone: true } : e));
      }
      if (result.undid === 'serial' && result.box) {
        // Only the newest line of that box (the serial's read) is taken back; its PKID line stays.
        const box = result.box;
        const newest = entries.find((e) => e.deviceId === box.id && !e.undone);
        next.entries = entries.map((e) => (e === newest ? { ...e, undone: true } : e));
      }
      if (result.undid === 'waiting-serial') {
        const serial = get().waitingSerial;
        const newest = entries.find((e) => e.deviceId === null && e.kind === 'accepted' && e.serial === serial && !e.undone);
        next.entries = entries.map((e) => (e === newest ? { ...e, undone: true } : e));
        next.waitingSerial = null;
        next.waitingBox = null;
      }
      if (result.waitingSerial !== null) {
        const source = result.removed?.source === 'camera' ? 'camera' : 'wedge';
        next.waitingSerial = result.waitingSerial;
        next.waitingBox = { read: { raw: result.waitingSerial, source }, serial: result.waitingSerial, manufacturer: result.removed?.manufacturer ?? null };
      }
      set(next);
    }

    /** Runs one job; false when the core could not be reached (the job stays queued). */
    async function run(job: Job): Promise<boolean> {
      if (job.kind === 'undo') {
        const result = await api.call('scans:undo', { batchId: batch.id });
        if (!result.ok && result.error.code === 'OFFLINE') return false;
        if (result.ok) onUndone(result.value);
        else onRefused(undefined, errorText(result.error));
        return true;
      }
      const { read } = job;
      if (job.kind === 'tuple') {
        const result = await api.call('scans:recordTuple', { batchId: batch.id, raw: read.raw, source: read.source === 'camera' ? 'camera' : 'wedge', ...job.parts });
        if (!result.ok && result.error.code === 'OFFLINE') return false;
        if (result.ok) onVerdict(read, result.value);
        else onRefused(read, errorText(result.error));
        return true;
      }
      const input = { batchId: batch.id, raw: read.raw, source: read.source, ...(read.symbology ? { symbology: read.symbology } : {}), ...(read.confirmPkid ? { confirmPkid: true } : {}), ...(read.layoutMismatch ? { layoutMismatch: true, ...(read.usReading ? { usReading: read.usReading } : {}) } : {}) };
      const result = await api.call('scans:record', input);
      if (!result.ok && result.error.code === 'OFFLINE') return false;
      if (result.ok) onVerdict(read, result.value);
      else onRefused(read, errorText(result.error));
      return true;
    }

    async function pump(): Promise<void> {
      if (running || disposed) return;
      running = true;
      try {
        while (!disposed && get().confirm === null) {
          const job = jobs[0];
          if (job === undefined) break;
          set({ hint: job.kind === 'scan' ? hintFor(job.read) : job.kind === 'tuple' ? say('hint.tuple', { serial: displayRaw(job.read.raw), manufacturer: job.parts.manufacturer, model: job.parts.model }) : say('hint.undo') });
          const done = await run(job);
          if (disposed) return;
          if (!done) {
            set({ offline: say('store.offline', { count: jobs.length }) });
            retryTimer = setTimeout(() => {
              retryTimer = undefined;
              void pump();
            }, retryMs);
            return;
          }
          jobs.shift();
          set({ queued: jobs.length, hint: null, offline: null });
        }
      } finally {
        running = false;
        if (!disposed) set({ hint: null });
      }
    }

    function enqueue(job: Job, first = false): void {
      if (disposed) return;
      if (first) jobs.unshift(job);
      else jobs.push(job);
      set({ queued: jobs.length });
      if (retryTimer === undefined) void pump();
    }

    return {
      batch,
      count: batch.deviceCount,
      banner: show('idle', say('store.idle')),
      hint: null,
      confirm: null,
      queued: 0,
      offline: null,
      entries: [],
      waitingSerial: null,
      waitingBox: null,
      submit(read) {
        const pending = get().confirm;
        if (pending === null) return enqueue({ kind: 'scan', read });
        // A scan while "Is this the PKID?" waits answers it: the same label again means yes; another
        // read replaces the question (the first read is dropped, visibly) and is recorded as usual.
        const classified = classifyRead({ raw: read.raw, symbology: read.symbology });
        if ('value' in classified && classified.value === pending.value) return get().keepPkid();
        set({ confirm: null, entries: markDropped(pending.value), banner: show('dropped', say('store.droppedReplaced', { value: pending.value })) });
        enqueue({ kind: 'scan', read });
      },
      submitTuple(parts) {
        const waiting = get().waitingBox;
        if (waiting === null) return false;
        enqueue({ kind: 'tuple', read: waiting.read, parts });
        return true;
      },
      keepPkid() {
        const pending = get().confirm;
        if (pending === null) return;
        // The question's line gives way to the answer's line (accepted or duplicate).
        const question = get().entries.find((e) => e.kind === 'confirm' && e.value === pending.value && !e.dropped);
        set({ confirm: null, entries: get().entries.filter((e) => e !== question) });
        enqueue({ kind: 'scan', read: { ...pending.read, confirmPkid: true } }, true);
      },
      dropPkid() {
        const pending = get().confirm;
        if (pending === null) return;
        set({ confirm: null, entries: markDropped(pending.value), banner: show('dropped', say('store.dropped', { value: pending.value })) });
        void pump();
      },
      undo: () => enqueue({ kind: 'undo' }),
      async loadRecent() {
        const result = await api.call('scans:recent', { batchId: batch.id, limit: RECENT_LIMIT });
        if (!result.ok || disposed) return;
        // Scans made while the list was loading stay on top.
        const known = new Set(get().entries.map((e) => e.deviceId));
        const older = result.value.filter((d: DeviceView) => !known.has(d.id)).map((d) => ({ ...entryFromDevice(d), key: ++entryKey }));
        set({ entries: [...get().entries, ...older].slice(0, RECENT_LIMIT) });
      },
      activate() {
        disposed = false;
        void pump();
      },
      dispose() {
        disposed = true;
        if (retryTimer !== undefined) clearTimeout(retryTimer);
        retryTimer = undefined;
      },
    };
  });

  return store;
}
