// The one live-data hook: only the tables asked for wake it, and a burst of commits is one call.
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../../renderer/src/api/client';
import { LIVE_RELOAD_GAP_MS, useDbChanged } from '../../../../renderer/src/lib/use-db-changed';
import { AppProvider } from '../../../../renderer/src/store/provider';
import { FakeStation } from '../helpers/fake-transport';
import { MemoryStorage } from '../helpers/render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function watch(tables: readonly ('devices' | 'uploads')[]): { station: FakeStation; onChange: ReturnType<typeof vi.fn> } {
  const station = new FakeStation();
  const api = createApiClient(station, new MemoryStorage());
  const onChange = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }): ReactNode => <AppProvider api={api}>{children}</AppProvider>;
  renderHook(() => useDbChanged(tables, onChange), { wrapper });
  return { station, onChange };
}

describe('useDbChanged', () => {
  it('calls once per burst of commits on a watched table, after the gap, and ignores other tables', () => {
    vi.useFakeTimers();
    const { station, onChange } = watch(['devices', 'uploads']);
    act(() => station.emit('db:changed', { tables: ['operators', 'audit'] }));
    act(() => vi.advanceTimersByTime(LIVE_RELOAD_GAP_MS * 2));
    expect(onChange).not.toHaveBeenCalled();

    act(() => {
      station.emit('db:changed', { tables: ['devices'] });
      station.emit('db:changed', { tables: ['uploads', 'audit'] });
      station.emit('db:changed', { tables: ['devices'] });
    });
    act(() => vi.advanceTimersByTime(LIVE_RELOAD_GAP_MS - 1));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onChange).toHaveBeenCalledTimes(1);

    act(() => station.emit('db:changed', { tables: ['uploads'] }));
    act(() => vi.advanceTimersByTime(LIVE_RELOAD_GAP_MS));
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
