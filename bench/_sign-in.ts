// The benchmarks' way into the station page: the host's link, then the seeded admin on the keypad.
import type { Page } from '@playwright/test';
import type { HostProcess } from '../test/helpers/host-process';
import { ADMIN } from '../test/helpers/temp-station';

export async function signInAsAdmin(page: Page, host: HostProcess): Promise<void> {
  await page.goto(`${host.origin}/?token=${host.token}`);
  await page.getByTestId(`operator-${ADMIN.name}`).click();
  for (const digit of ADMIN.pin) await page.getByTestId(`keypad-${digit}`).click();
  await page.getByTestId('keypad-enter').click();
}
