// The Upload page in the operator's language: switching to French re-renders what is on screen, with
// French plurals (one and other) and French digit grouping, from the catalogs rather than the code.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../../../../renderer/src/i18n';
import { batch, device, fakeLayout, UploadFake } from './upload-fake';
import { renderUploadPage } from './render-upload';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = fakeLayout()));
afterAll(() => restoreLayout());
afterEach(() => {
  cleanup();
  setLanguage('en');
});

function world(): UploadFake {
  const fake = new UploadFake('lead');
  fake.batches = [batch(1, 'Pallet 7', 'needs_attention', 3), batch(2, 'Pallet 6', 'registered', 1240)];
  fake.devices = [
    device(1, 1, 'registered', '3327805504064'),
    device(2, 1, 'failed', '3396489167886', '812', 'ZtdDeviceNotFound: Microsoft has no hardware record'),
    device(3, 1, 'failed', '3377412745152', '808', 'ZtdDeviceAssignedToOtherTenant'),
  ];
  return fake;
}

describe('upload page in French', () => {
  it('follows a switch of language on screen: titles, states, counts and the lead’s buttons', async () => {
    renderUploadPage(world());
    expect((await screen.findByTestId('batch-group-needs_attention')).textContent).toContain('Needs attention (1)');
    act(() => setLanguage('fr'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Envoi');
    expect(screen.getByTestId('batch-group-needs_attention').textContent).toContain('À traiter (1)');
    expect(screen.getByTestId('batch-group-registered').textContent).toContain('Enregistrés (1)');
    // French groups thousands with a narrow no-break space: the number comes from Intl, not the code.
    expect(screen.getByTestId('upload-batch-Pallet 6').textContent).toContain(`${new Intl.NumberFormat('fr').format(1240)} appareils · Enregistré`);
    expect(screen.getByTestId('upload-batch-Pallet 7').textContent).toContain('3 appareils · À traiter');
    await waitFor(() => expect(screen.getByTestId('result-failed').textContent).toBe('2 en échec'));
    expect(screen.getByTestId('result-registered').textContent).toBe('1 enregistré');
    const notFiled = await screen.findByTestId('device-3396489167886');
    expect(within(notFiled).getByTestId('device-state').textContent).toBe('Échec · réessayer plus tard');
    expect(within(screen.getByTestId('device-3377412745152')).getByTestId('device-state').textContent).toBe('Échec · action requise');
    expect(screen.getByTestId('retry-all-failed').textContent).toBe('Renvoyer tous les échecs (2)');
  });

  it('speaks the French an operator chose, and says one device and two devices the French way after a retry', async () => {
    const fake = world();
    // The signed-in lead chose French: restoring the session applies it.
    for (const op of fake.station.operators) op.language = 'fr';
    renderUploadPage(fake);
    const row = await screen.findByTestId('device-3396489167886');
    expect(i18n.language).toBe('fr');
    fireEvent.click(within(row).getByTestId('device-check'));
    expect(screen.getByTestId('retry-selected').textContent).toBe('Renvoyer les cochés (1)');
    fireEvent.click(screen.getByTestId('retry-selected'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toBe('1 appareil renvoyé. La barre d\'état montre l\'envoi ; les résultats s\'affichent ici.'));
    fireEvent.click(screen.getByTestId('retry-all-failed'));
    await waitFor(() => expect(screen.getByTestId('failed-actions-done').textContent).toContain('2 appareils renvoyés.'));
    expect(fake.calls('uploads:retryFailed')).toEqual([{ batchId: 1, deviceIds: [2] }, { batchId: 1 }]);
  });
});
