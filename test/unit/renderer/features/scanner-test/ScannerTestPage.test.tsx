import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScannerTestPage } from '../../../../../renderer/src/features/scanner-test/ScannerTestPage';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { AppProvider, useAppStore } from '../../../../../renderer/src/store/provider';
import { keyOf, ScanFake, scan, typeKeys } from '../scan/scan-fake';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const AZERTY: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à' };

/** Restores the stored session as the app's boot does, so the page knows the operator's role. */
function SignedIn({ children }: { children: ReactNode }): ReactNode {
  const restore = useAppStore((s) => s.restoreSession);
  useEffect(() => void restore(), [restore]);
  return children;
}

async function renderTest(role: 'admin' | 'operator' = 'admin'): Promise<ScanFake> {
  const fake = new ScanFake(role);
  fake.install();
  render(
    <AppProvider api={fake.api}>
      <SignedIn>
        <ScannerTestPage />
      </SignedIn>
    </AppProvider>,
  );
  await screen.findByTestId('bursts-empty');
  return fake;
}

describe('scanner test page', () => {
  it('shows a scan with its gaps, suffix, reading and classification', async () => {
    await renderTest();
    act(() => scan('3905012345678', 8));
    const burst = await screen.findByTestId('burst');
    expect(burst.dataset.accepted).toBe('true');
    expect(screen.getByTestId('burst-text').textContent).toBe('3905012345678');
    expect(screen.getAllByTestId('gap-bar')).toHaveLength(12);
    expect(screen.getByTestId('burst-mean').textContent).toBe('8 ms');
    expect(screen.getByTestId('burst-max').textContent).toBe('8 ms');
    expect(screen.getByTestId('burst-terminator').textContent).toBe('Enter (suffix)');
    expect(screen.getByTestId('burst-reading').textContent).toContain('Typed as is');
    expect(screen.getByTestId('burst-classified').textContent).toBe('PKID 3905012345678');
  });

  it('shows a rejected burst with its reason and its slow gap in red', async () => {
    await renderTest();
    act(() => typeKeys([...'3905012345678'].map(keyOf), 60));
    const burst = await screen.findByTestId('burst');
    expect(burst.dataset.accepted).toBe('false');
    expect(screen.getByTestId('burst-reason').textContent).toContain('too slow for a scanner: 60 ms per key');
    expect(screen.getAllByTestId('gap-bar').every((bar) => !bar.className.includes('over'))).toBe(true);
    act(() => typeKeys([...'39050'].map(keyOf).concat([...'12345678'].map(keyOf)), 5));
    act(() => typeKeys([keyOf('1'), keyOf('2'), keyOf('3'), keyOf('4'), keyOf('5'), keyOf('6')], 120));
    await waitFor(() => expect(screen.getAllByTestId('burst')[0]?.querySelectorAll('.gap-bar-over')).toHaveLength(5));
  });

  it("shows a person's slow typing as one card, not one 'not a scan' card per key", async () => {
    await renderTest();
    act(() => typeKeys([...'3905012345678'].map(keyOf), 180));
    await waitFor(() => expect(screen.getByTestId('burst-reason').textContent).toContain('typed by a person: 13 keys with gaps up to 180 ms'));
    expect(screen.getAllByTestId('burst')).toHaveLength(1);
    expect(screen.getByTestId('burst').dataset.accepted).toBe('false');
  });

  it('says why a burst is not a scan in German, its numbers by the German locale', async () => {
    await renderTest();
    act(() => setLanguage('de'));
    act(() => typeKeys([...'3905012345678'].map(keyOf), 60));
    await screen.findByTestId('burst');
    expect(screen.getByTestId('burst-reason').textContent).toContain('zu langsam für einen Scanner: im Mittel 60 ms pro Taste (ein Scanner braucht höchstens');
  });

  it('says when digits were recovered from the physical keys (AZERTY)', async () => {
    await renderTest();
    act(() => typeKeys([...'6130760003760'].map((d) => ({ key: AZERTY[d] ?? d, code: `Digit${d}` }))));
    await screen.findByTestId('burst');
    expect(screen.getByTestId('burst-text').textContent).toBe('6130760003760');
    expect(screen.getByTestId('burst-reading').textContent).toContain('Recovered from the physical keys');
    expect(screen.getByTestId('burst-classified').textContent).toBe('PKID 6130760003760');
  });

  it("an admin changes a threshold; the core's message is shown for a bad value", async () => {
    const fake = await renderTest();
    const maxGap = await screen.findByTestId('threshold-scanner.maxGapMs');
    fireEvent.change(maxGap, { target: { value: '900' } });
    fireEvent.click(screen.getByTestId('threshold-save'));
    expect((await screen.findByTestId('threshold-error-scanner.maxGapMs')).textContent).toBe('scanner.maxGapMs: Too big: expected number to be <=500');
    fireEvent.change(maxGap, { target: { value: '120' } });
    fireEvent.click(screen.getByTestId('threshold-save'));
    expect((await screen.findByTestId('threshold-status')).textContent).toBe('Saved 1 setting. The scanner uses them from now on.');
    expect(fake.settings['scanner.maxGapMs']).toBe(120);
    await waitFor(() => expect(screen.getByTestId('scanner-test-settings').textContent).toContain('no gap over 120 ms'));
  });

  it('an operator sees the bursts but not the thresholds', async () => {
    await renderTest('operator');
    act(() => scan('3905012345678'));
    await screen.findByTestId('burst');
    expect(screen.queryByTestId('threshold-form')).toBeNull();
  });

  it('refuses a mean limit above the single-gap limit before asking the core', async () => {
    const fake = await renderTest();
    fireEvent.change(await screen.findByTestId('threshold-scanner.maxMeanGapMs'), { target: { value: '150' } });
    fireEvent.click(screen.getByTestId('threshold-save'));
    expect((await screen.findByTestId('threshold-error-scanner.maxMeanGapMs')).textContent).toContain('cannot be above');
    expect(fake.station.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });
});

describe('scanner test page in Polish', () => {
  it('says a burst with the Polish plural of its keys and its gaps with a decimal comma', async () => {
    await renderTest();
    act(() => setLanguage('pl'));
    act(() => scan('3905012345678', 8.5));
    const burst = await screen.findByTestId('burst');
    expect(burst.textContent).toContain('✔ Skan');
    expect(burst.textContent).toContain('13 znaków');
    expect(screen.getByTestId('burst-mean').textContent).toBe('8,5 ms');
    expect(screen.getByTestId('burst-terminator').textContent).toBe('Enter (sufiks)');
    expect(screen.getByTestId('burst-classified').textContent).toBe('PKID 3905012345678');
    expect(screen.getByTestId('learn-count').textContent).toBe('Odczyty etykiety: 0 z 3');
  });
});
