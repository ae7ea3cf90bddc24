import type { ReactNode } from 'react';

export function PracticeBanner(): ReactNode {
  return (
    <div className="banner banner-practice" role="note" data-testid="practice-banner">
      Practice mode: nothing leaves this machine
    </div>
  );
}
