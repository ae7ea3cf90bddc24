import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApproveDialog } from '../../../../../renderer/src/features/batches/ApproveDialog';
import { AT, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

afterEach(cleanup);

function open(fake: ReviewFake): void {
  renderSignedIn(fake.api, <ApproveDialog batch={fake.batches[0] as NonNullable<ReviewFake['batches'][number]>} onDone={() => undefined} />);
}

describe('approve dialog: scanned but not expected', () => {
  it('says how many lines were scanned without being on the expected list, and which', async () => {
    const fake = new ReviewFake();
    fake.unexpected = {
      unexpected: 10,
      unexpectedDevices: Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, pkid: `391000000000${i}`, serial: null, scannedBy: 'Olga', scannedAt: AT })),
    };
    open(fake);
    const check = await screen.findByTestId('approve-unexpected');
    expect(check.dataset.count).toBe('10');
    expect(check.textContent).toContain('10 lines scanned but not on the expected list: approving sends them too');
    expect(check.textContent).toContain('3910000000000 (Olga, 23 Nov');
    // Eight are named, the rest counted.
    expect(check.querySelectorAll('li')).toHaveLength(9);
    expect(check.textContent).toContain('… and 2 more');
  });

  it('says when every line was expected', async () => {
    open(new ReviewFake());
    expect((await screen.findByTestId('approve-unexpected')).textContent).toBe('Every line was on the expected list');
  });
});
