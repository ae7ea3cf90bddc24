import type { StateCreator } from 'zustand';
import type { ChannelOutput, OperatorView, Result } from '../../../shared/contract';
import type { SignedIn } from '../../../shared/contract/session';
import type { PartnerStatus } from '../../../shared/contract/partner';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { LinkProblem } from '../api';
import type { PageId } from '../shell/pages';

export type StationInfo = ChannelOutput<'station:info'>;
export type RosterEntry = ChannelOutput<'session:operators'>[number];
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface StationSlice {
  station: StationInfo | null;
  stationStatus: LoadStatus;
  stationError: string | null;
  loadStation(): Promise<void>;
}

export interface SessionSlice {
  operator: OperatorView | null;
  sessionId: string | null;
  /** The stored session (if any) has been checked with the core, so the screen can be chosen. */
  sessionChecked: boolean;
  /** Why the last session ended, when the operator did not end it (shown on the sign-in screen). */
  sessionNotice: string | null;
  restoreSession(): Promise<void>;
  signIn(name: string, pin: string): Promise<Result<SignedIn>>;
  signOut(): Promise<void>;
  endSession(notice: string | null): void;
  refreshMe(): Promise<void>;
  /** The signed-in operator picks a language: shown at once, kept with the operator. */
  chooseLanguage(language: string): Promise<void>;
}

export interface ConnectivitySlice {
  online: boolean;
  link: LinkProblem | null;
  setOnline(online: boolean): void;
  setLink(link: LinkProblem | null): void;
}

export interface UiSlice {
  page: PageId;
  setPage(page: PageId): void;
}

export interface OperatorsSlice {
  roster: RosterEntry[];
  rosterStatus: LoadStatus;
  operators: OperatorView[];
  operatorsStatus: LoadStatus;
  operatorsError: string | null;
  loadRoster(): Promise<void>;
  loadOperators(): Promise<void>;
}

export interface SyncSlice {
  /** The upload engine's last status (sync:status), null until loaded. */
  syncStatus: SyncStatus | null;
  /** Partner Center set-up and account (partner:status), null until loaded. */
  partner: PartnerStatus | null;
  loadSync(): Promise<void>;
  setSyncStatus(status: SyncStatus): void;
  loadPartner(): Promise<void>;
}

export type AppState = StationSlice & SessionSlice & ConnectivitySlice & UiSlice & OperatorsSlice & SyncSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
