import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TupleCombo } from '../../../../../renderer/src/components/tuple/TupleCombo';
import type { TupleOption } from '../../../../../renderer/src/components/tuple/tuple-options';
import { setLanguage } from '../../../../../renderer/src/i18n';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const models = (n: number): TupleOption[] => Array.from({ length: n }, (_, i) => ({ value: `Model ${i + 1}`, from: 'catalog', description: null }));
const more = (): string => screen.getByTestId('make-list').querySelector('.tuple-option-more')?.textContent ?? '';

function renderCombo(count: number): void {
  render(<TupleCombo id="make" label="Manufacturer" value="" options={models(count)} onChange={() => {}} onChoose={() => {}} onEnter={() => {}} placeholder="" />);
  fireEvent.focus(screen.getByTestId('make'));
}

describe('TupleCombo', () => {
  it('says how many more options the list holds, with the plural the language needs', () => {
    renderCombo(41);
    expect(more()).toBe('1 more: type to narrow the list');
    act(() => setLanguage('de'));
    expect(more()).toBe('1 weiterer: Tippen grenzt die Liste ein');
    cleanup();
    renderCombo(45);
    expect(more()).toBe('5 weitere: Tippen grenzt die Liste ein');
  });
});
