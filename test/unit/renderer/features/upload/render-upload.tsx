import { render } from '@testing-library/react';
import { UploadPage } from '../../../../../renderer/src/pages/UploadPage';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { SignedIn, type UploadFake } from './upload-fake';

/** The Upload page over the fake, once the stored session is restored (the page reads the role). */
export function renderUploadPage(fake: UploadFake): void {
  render(
    <AppProvider api={fake.api}>
      <SignedIn>
        <UploadPage />
      </SignedIn>
    </AppProvider>,
  );
}
