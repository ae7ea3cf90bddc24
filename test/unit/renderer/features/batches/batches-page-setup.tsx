// What every BatchesPage.*.test.tsx shares: jsdom given a layout (the review list measures its rows),
// a clean DOM after each test, and a batch opened for review.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { fakeLayout, type ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

/** Call at the top of a test file: registers the file's layout and cleanup hooks. */
export function withFakeLayout(): void {
  let restoreLayout: () => void;
  beforeAll(() => (restoreLayout = fakeLayout()));
  afterAll(() => restoreLayout());
  afterEach(cleanup);
}

export async function openReview(fake: ReviewFake): Promise<void> {
  renderSignedIn(fake.api, <BatchesPage />);
  fireEvent.click(await screen.findByTestId('batch-open-PO-4711'));
  await screen.findByTestId('batch-review');
}
