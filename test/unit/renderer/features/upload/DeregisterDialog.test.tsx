import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batch, device, fakeLayout, UploadFake } from './upload-fake';
import { renderUploadPage } from './render-upload';

let restoreLayout: () => void;
beforeAll(() => (restoreLayout = fakeLayout()));
afterAll(() => restoreLayout());
afterEach(cleanup);

function world(): UploadFake {
  const fake = new UploadFake('lead');
  fake.batches = [batch(1, 'Pallet 7', 'registered', 2)];
  fake.devices = [device(1, 1, 'registered', '3327805504064'), device(2, 1, 'registered', '3358422088526')];
  return fake;
}

async function openForTicked(): Promise<HTMLElement> {
  const row = await screen.findByTestId('device-3327805504064');
  fireEvent.click(within(row).getByTestId('device-check-remove'));
  fireEvent.click(screen.getByTestId('deregister-ticked'));
  return screen.findByTestId('deregister-dialog');
}

describe('the deregister dialog', () => {
  it('requires a reason before anything is sent, then removes the ticked device and says so', async () => {
    const fake = world();
    renderUploadPage(fake);
    const dialog = await openForTicked();
    await waitFor(() => expect(within(dialog).getByTestId('deregister-count').dataset.count).toBe('1'));
    const confirm = within(dialog).getByTestId('deregister-confirm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    expect((within(dialog).getByTestId('deregister-reason-hint')).textContent).toMatch(/reason of at least 4 characters is required/);
    fireEvent.change(within(dialog).getByTestId('deregister-reason'), { target: { value: 'ab' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('deregister-reason'), { target: { value: 'customer return RMA-7' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    const result = await within(dialog).findByTestId('deregister-result');
    expect(result.dataset.deregistered).toBe('1');
    expect(fake.calls('devices:deregister')).toEqual([{ deviceIds: [1], reason: 'customer return RMA-7' }]);
  });

  it('shows the two-person rule and asks for a second PIN where the rule needs it', async () => {
    const fake = world();
    fake.deregisterRule = {
      enabled: true, yourDevices: 2, changers: [{ operatorId: 1, name: 'Cy', what: ['scanned'] }], eligible: [{ id: 7, name: 'Lena Lead', role: 'lead' }], needsSecondPerson: true,
      explanation: 'Two-person rule: you scanned lines of batch Pallet 7. Lena Lead may remove its devices from Autopilot, or confirm your removal with their PIN.',
    };
    renderUploadPage(fake);
    fireEvent.click(await screen.findByTestId('deregister-batch'));
    const dialog = await screen.findByTestId('deregister-dialog');
    expect((await within(dialog).findByTestId('approve-rule-state')).textContent).toMatch(/Two-person rule: on/);
    expect((within(dialog).getByTestId('approve-who')).textContent).toMatch(/Lena Lead may remove its devices/);
    expect((within(dialog).getByTestId('approve-eligible')).textContent).toContain('May remove: Lena Lead');
    fireEvent.change(within(dialog).getByTestId('deregister-reason'), { target: { value: 'wrong customer' } });
    const confirm = within(dialog).getByTestId('deregister-confirm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true); // no PIN yet
    fireEvent.change(within(dialog).getByTestId('approve-second-pin'), { target: { value: '583920' } });
    expect((confirm).textContent).toContain("Remove with Lena Lead's PIN");
    fireEvent.click(confirm);
    await within(dialog).findByTestId('deregister-result');
    expect(fake.calls('devices:deregister')).toEqual([{ batchId: 1, reason: 'wrong customer', secondPerson: { name: 'Lena Lead', pin: '583920' } }]);
  });

  it('offers only other customers with a reseller relationship to move to', async () => {
    const fake = world();
    fake.customers.push({ tenantId: 'tenant-advisor', companyName: 'Advised Co', domain: null, relationship: 'advisor', refreshedAt: 0, listed: true });
    renderUploadPage(fake);
    const dialog = await openForTicked();
    fireEvent.click(within(dialog).getByTestId('deregister-move'));
    const options = [...within(dialog).getByTestId('move-to-customer').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Choose a customer…', 'Fabrikam, Inc. (fabrikam.onmicrosoft.com)']);
  });
});
