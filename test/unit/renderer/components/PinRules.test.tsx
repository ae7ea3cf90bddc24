import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityBadge } from '../../../../renderer/src/components/IdentityBadge';
import { PinRules } from '../../../../renderer/src/components/PinRules';
import { setLanguage } from '../../../../renderer/src/i18n';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const lines = (): string[] => screen.getAllByRole('listitem').map((li) => li.textContent ?? '');

describe('PinRules', () => {
  it('ticks each rule off as the PIN is typed, and says the rules in the current language', () => {
    const { rerender } = render(<PinRules pin="" />);
    expect(lines()).toEqual(['• Digits only (not yet)', '• 6 to 12 digits (not yet)', '• Not one repeated digit (like 111111) (not yet)', '• Not consecutive digits (like 123456 or 654321) (not yet)']);
    rerender(<PinRules pin="246813" />);
    expect(lines().every((l) => l.startsWith('✔') && l.endsWith('(done)'))).toBe(true);
    act(() => setLanguage('pl'));
    expect(lines()).toEqual(['✔ Tylko cyfry (spełnione)', '✔ Od 6 do 12 cyfr (spełnione)', '✔ Nie jedna powtórzona cyfra (jak 111111) (spełnione)', '✔ Nie kolejne cyfry (jak 123456 lub 654321) (spełnione)']);
  });
});

describe('IdentityBadge', () => {
  it("names the identity kind from the catalog and keeps the core's label", () => {
    render(<IdentityBadge identity={{ kind: 'tuple', label: 'Serial 9ZB4K73 · Dell Inc. · Latitude 5440' }} />);
    expect(screen.getByTestId('identity').textContent).toBe('TupleSerial 9ZB4K73 · Dell Inc. · Latitude 5440');
    act(() => setLanguage('de'));
    expect(screen.getByTestId('identity').textContent).toBe('TupelSerial 9ZB4K73 · Dell Inc. · Latitude 5440');
  });
});
