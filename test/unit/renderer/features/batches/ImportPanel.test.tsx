import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPanel } from '../../../../../renderer/src/features/batches/ImportPanel';
import { ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

afterEach(cleanup);

describe('import preview: hashes for boxes already in the batch', () => {
  it('says how many hashes go onto lines already in the batch, and says so after the import', async () => {
    const fake = new ReviewFake();
    fake.station.overrides.set('import:preview', () => ok(fake.importPreview({ accepted: 1, attached: 2, refusedCount: 0, refused: [] })));
    fake.station.overrides.set('import:commit', () => ok({ ...fake.importPreview(), imported: 1, attached: 2 }));
    renderSignedIn(fake.api, <ImportPanel batchId={1} editable />);
    fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [new File(['x'], 'gwai.csv')] } });
    expect((await screen.findByTestId('import-attached')).textContent).toBe('2 hardware hashes to attach to lines already in the batch');
    expect(screen.getByTestId('import-commit').textContent).toBe('Import 1 device, attach 2 hashes');
    fireEvent.click(screen.getByTestId('import-commit'));
    expect((await screen.findByTestId('import-done')).textContent).toBe('Imported 1 device, attached 2 hardware hashes to lines already in the batch from gwai.csv.');
  });
});
