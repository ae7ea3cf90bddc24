// The Batches screens speak the operator's language: words, plural forms and dates from the catalogs
// and Intl, not English with German numbers. The language is switched once the session is restored (which
// applies the operator's own language, English here), as the shell's picker does; English is put back after.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage, type Language } from '../../../../../renderer/src/i18n';
import { ApproveDialog } from '../../../../../renderer/src/features/batches/ApproveDialog';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { ImportPanel } from '../../../../../renderer/src/features/batches/ImportPanel';
import { AT, ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

function unexpected(count: number): ReviewFake['unexpected'] {
  return { unexpected: count, unexpectedDevices: Array.from({ length: count }, (_, i) => ({ id: 100 + i, pkid: `391000000000${i}`, serial: null, scannedBy: 'Olga', scannedAt: AT })) };
}

async function speak(language: Language, shown: string): Promise<void> {
  await screen.findByTestId(shown);
  act(() => setLanguage(language));
}

async function approve(fake: ReviewFake): Promise<void> {
  renderSignedIn(fake.api, <ApproveDialog batch={fake.batches[0] as NonNullable<ReviewFake['batches'][number]>} onDone={() => undefined} />);
  await speak('de', 'approve-cancel');
}

describe('Batches in German', () => {
  it('the batch list says its heading, states and columns in German', async () => {
    const fake = new ReviewFake();
    renderSignedIn(fake.api, <BatchesPage />);
    await speak('de', 'batch-row-PO-4711');
    const row = screen.getByTestId('batch-row-PO-4711');
    expect(row.textContent).toContain('Bereit zur Prüfung');
    expect(row.textContent).toContain('23. Nov.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chargen');
    expect(screen.getByTestId('batch-filter-all').textContent).toMatch(/^Alle /);
    expect(screen.getByTestId('batch-open-PO-4711').textContent).toBe('Prüfen');
    expect(screen.getByPlaceholderText('PKID oder Seriennummer scannen oder tippen')).toBeTruthy();
    expect(screen.getByText('Strg+F').tagName).toBe('KBD');
  });

  it('the approve dialog counts in German plurals: one line, ten lines, and the rest', async () => {
    const many = new ReviewFake();
    many.unexpected = unexpected(10);
    await approve(many);
    const check = await screen.findByTestId('approve-unexpected');
    expect(check.textContent).toContain('10 Zeilen gescannt, aber nicht auf der erwarteten Liste: Genehmigen sendet sie mit');
    expect(check.textContent).toContain('3910000000000 (Olga, 23. Nov.');
    expect(check.textContent).toContain('… und 2 weitere');
    expect(screen.getByTestId('approve-cancel').textContent).toBe('Abbrechen');
    cleanup();

    const one = new ReviewFake();
    one.unexpected = unexpected(1);
    await approve(one);
    expect((await screen.findByTestId('approve-unexpected')).textContent).toContain('1 Zeile gescannt, aber nicht auf der erwarteten Liste');
  });
});

describe('Batches in Polish', () => {
  it('the import preview uses the few form for 2 and the many form for 5', async () => {
    const fake = new ReviewFake();
    fake.station.overrides.set('import:preview', () => ok(fake.importPreview({ accepted: 5, attached: 2, refusedCount: 0, refused: [] })));
    renderSignedIn(fake.api, <ImportPanel batchId={1} editable />);
    await speak('pl', 'import-file');
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['x'], 'gwai.csv')] } });
    expect((await screen.findByTestId('import-attached')).textContent).toBe('2 hashe sprzętowe do dołączenia do wierszy już w partii');
    expect(screen.getByTestId('import-commit').textContent).toBe('Importuj 5 urządzeń, dołącz 2 hashe');
  });
});
