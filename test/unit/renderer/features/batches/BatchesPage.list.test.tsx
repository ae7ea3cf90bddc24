// The Batches page. The batch list: batches by state, and what an operator sees.
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { withFakeLayout } from './batches-page-setup';
import { ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

withFakeLayout();

describe('batch list', () => {
  it('shows batches by state with counts, ready for review first', async () => {
    const fake = new ReviewFake();
    renderSignedIn(fake.api, <BatchesPage />);
    const row = await screen.findByTestId('batch-row-PO-4711');
    expect(row.dataset.state).toBe('closed');
    expect(row.textContent).toContain('Ready for review');
    expect(screen.getByTestId('batch-count-closed').textContent).toBe('1');
    expect(screen.getByTestId('batch-count-open').textContent).toBe('1');
    const names = [...document.querySelectorAll('[data-testid^="batch-row-"]')].map((r) => r.getAttribute('data-testid'));
    expect(names).toEqual(['batch-row-PO-4711', 'batch-row-Dock-2', 'batch-row-Old']);
    fireEvent.click(screen.getByTestId('batch-filter-open'));
    expect(screen.queryByTestId('batch-row-PO-4711')).toBeNull();
    expect(screen.getByTestId('batch-row-Dock-2')).toBeTruthy();
  });

  it('an operator sees the list and the box finder, but no review', async () => {
    const fake = new ReviewFake('operator');
    renderSignedIn(fake.api, <BatchesPage />);
    await screen.findByTestId('batch-row-PO-4711');
    expect(screen.queryByTestId('batch-open-PO-4711')).toBeNull();
    expect(screen.getByTestId('find-query')).toBeTruthy();
  });
});
