// The station's scanner thresholds (settings:get), as the wedge listener takes them. Reloaded when
// an admin changes them. Until they arrive, and if the stored ones contradict each other (a mean gap
// limit above the single-gap limit), the defaults apply and `problem` says so.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { useApi } from '../../store/provider';
import { DEFAULT_WEDGE_SETTINGS, resolveWedgeSettings, type WedgeSettings } from '../../scanner/wedge-settings';

export type StationSettings = ChannelOutput<'settings:get'>;

export interface WedgeSettingsState {
  readonly settings: WedgeSettings;
  readonly station: StationSettings | null;
  readonly problem: string | null;
  reload(): Promise<void>;
}

export function toWedgeSettings(values: StationSettings): { settings: WedgeSettings; problem: string | null } {
  const wanted = {
    minLength: values['scanner.minLength'],
    maxMeanGapMs: values['scanner.maxMeanGapMs'],
    maxGapMs: values['scanner.maxGapMs'],
    silenceMs: values['scanner.silenceMs'],
  };
  try {
    return { settings: resolveWedgeSettings(wanted), problem: null };
  } catch {
    return { settings: DEFAULT_WEDGE_SETTINGS, problem: 'The stored scanner settings contradict each other (the mean gap limit is above the single-gap limit); the defaults are used until an admin fixes them.' };
  }
}

export function useWedgeSettings(): WedgeSettingsState {
  const api = useApi();
  const [state, setState] = useState<{ settings: WedgeSettings; station: StationSettings | null; problem: string | null }>({
    settings: DEFAULT_WEDGE_SETTINGS,
    station: null,
    problem: null,
  });

  const reload = useCallback(async () => {
    const result = await api.call('settings:get', {});
    if (!result.ok) return;
    const { settings, problem } = toWedgeSettings(result.value);
    // Same numbers: keep the same object, so the listener is not torn down and rebuilt.
    setState((s) => ({ settings: sameSettings(s.settings, settings) ? s.settings : settings, station: result.value, problem }));
  }, [api]);

  useEffect(() => {
    void reload();
    return api.on('db:changed', ({ tables }) => {
      if (tables.includes('settings')) void reload();
    });
  }, [api, reload]);

  return { ...state, reload };
}

function sameSettings(a: WedgeSettings, b: WedgeSettings): boolean {
  return a.minLength === b.minLength && a.maxMeanGapMs === b.maxMeanGapMs && a.maxGapMs === b.maxGapMs && a.silenceMs === b.silenceMs;
}
