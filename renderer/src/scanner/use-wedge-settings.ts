// The station's scanner thresholds (settings:get), as the wedge listener takes them. Reloaded when
// an admin changes them. Until they arrive, and if the stored ones contradict each other (a mean gap
// limit above the single-gap limit), the defaults apply and `problem` says so.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { i18n } from '../i18n';
import { useDbChanged } from '../lib/use-db-changed';
import { useApi } from '../store/provider';
import type { ScannerProfile } from '../../../shared/domain/wedge/profile';
import { DEFAULT_WEDGE_SETTINGS, resolveWedgeSettings, type WedgeSettings } from './wedge-settings';

export type StationSettings = ChannelOutput<'settings:get'>;

export interface WedgeSettingsState {
  readonly settings: WedgeSettings;
  /** Learned scanners, read with their own map and pace. */
  readonly profiles: readonly ScannerProfile[];
  readonly station: StationSettings | null;
  readonly problem: string | null;
  reload(): Promise<void>;
}

export function toWedgeSettings(values: StationSettings): { settings: WedgeSettings; problem: string | null } {
  const wanted = {
    minLength: values['scanner.minLength'],
    maxMeanGapMs: values['scanner.maxMeanGapMs'],
    slowMeanGapMs: values['scanner.slowMeanGapMs'],
    maxGapMs: values['scanner.maxGapMs'],
    silenceMs: values['scanner.silenceMs'],
  };
  try {
    return { settings: resolveWedgeSettings(wanted), problem: null };
  } catch {
    return { settings: DEFAULT_WEDGE_SETTINGS, problem: i18n.t('settingsProblem', { ns: 'scan' }) };
  }
}

const NO_PROFILES: readonly ScannerProfile[] = [];

export function useWedgeSettings(): WedgeSettingsState {
  const api = useApi();
  const [state, setState] = useState<{ settings: WedgeSettings; profiles: readonly ScannerProfile[]; station: StationSettings | null; problem: string | null }>({
    settings: DEFAULT_WEDGE_SETTINGS,
    profiles: NO_PROFILES,
    station: null,
    problem: null,
  });

  const reload = useCallback(async () => {
    const result = await api.call('settings:get', {});
    if (!result.ok) return;
    const { settings, problem } = toWedgeSettings(result.value);
    // Same numbers: keep the same object, so the listener is not torn down and rebuilt.
    const profiles = result.value['scanner.profiles'];
    setState((s) => ({
      settings: sameSettings(s.settings, settings) ? s.settings : settings,
      // Same profiles: the same array, so the listener is not rebuilt.
      profiles: JSON.stringify(s.profiles) === JSON.stringify(profiles) ? s.profiles : profiles,
      station: result.value,
      problem,
    }));
  }, [api]);

  useEffect(() => void reload(), [reload]);
  useDbChanged(['settings'], () => void reload());

  return { ...state, reload };
}

function sameSettings(a: WedgeSettings, b: WedgeSettings): boolean {
  return a.minLength === b.minLength && a.maxMeanGapMs === b.maxMeanGapMs && a.slowMeanGapMs === b.slowMeanGapMs && a.maxGapMs === b.maxGapMs && a.silenceMs === b.silenceMs;
}
