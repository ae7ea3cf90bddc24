// A small page model of the station UI, in the words a warehouse would use.
import { expect, type Page } from '@playwright/test';
import type { Role } from '../../shared/domain/roles';

export async function createFirstAdmin(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-name').fill(name);
  await page.getByTestId('first-run-pin').fill(pin);
  await page.getByTestId('first-run-pin-again').fill(pin);
  await page.getByTestId('first-run-submit').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

export async function signInWithKeypad(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId(`operator-${name}`).click();
  for (const digit of pin) await page.getByTestId(`keypad-${digit}`).click();
  await expect(page.getByTestId('pin-display')).toHaveAttribute('data-length', String(pin.length));
  await page.getByTestId('keypad-enter').click();
}

/** Hands off the mouse: the first letters of the name, Enter, the PIN on the keyboard, Enter. */
export async function signInWithKeyboard(page: Page, name: string, pin: string): Promise<void> {
  await expect(page.getByTestId('operator-picker')).toBeVisible();
  await page.keyboard.type(name.slice(0, 2).toLowerCase());
  await expect(page.getByTestId(`operator-${name}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('keypad')).toBeVisible();
  await page.keyboard.type(pin);
  await expect(page.getByTestId('pin-display')).toHaveAttribute('data-length', String(pin.length));
  await page.keyboard.press('Enter');
}

export async function expectSignedIn(page: Page, name: string, roleLabel: string): Promise<void> {
  await expect(page.getByTestId('shell')).toBeVisible();
  await expect(page.getByTestId('operator-badge')).toContainText(name);
  await expect(page.getByTestId('operator-badge')).toContainText(roleLabel);
}

/** Signs in with the keypad and waits for the shell to show who is signed in, in which role. */
export async function signInAs(page: Page, who: { name: string; pin: string }, roleLabel: string): Promise<void> {
  await signInWithKeypad(page, who.name, who.pin);
  await expectSignedIn(page, who.name, roleLabel);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

export async function openOperators(page: Page): Promise<void> {
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('settings')).toBeVisible();
  await page.getByTestId('settings-tab-operators').click();
  await expect(page.getByTestId('operators-table')).toBeVisible();
}

export async function addOperator(page: Page, name: string, role: Role, pin: string): Promise<void> {
  await page.getByTestId('add-operator-name').fill(name);
  await page.getByTestId('add-operator-role').selectOption(role);
  await page.getByTestId('add-operator-pin').fill(pin);
  await page.getByTestId('add-operator-submit').click();
  await expect(page.getByTestId('add-operator-status')).toContainText(`${name} was added`);
  await expect(page.getByTestId(`operator-row-${name}`)).toBeVisible();
}

/** Enters a PIN on the sign-in keypad and submits it, for an operator already picked. */
export async function submitPin(page: Page, pin: string): Promise<void> {
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** A channel called from inside the page with the signed-in operator's session, as the app itself calls it. */
export async function rpcFromPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const session = JSON.parse(storage.getItem('dockside.session') ?? '{}') as { token?: string };
      const response = await fetch(`/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dockside-session': session.token ?? '' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message ?? 'call failed');
      return body.value;
    },
    { channel, input },
  ) as Promise<T>;
}

/** A keyboard-wedge scan: `delay` ms per key (a scanner's pace), then Enter. */
export async function wedgeScan(page: Page, text: string, delay = 5): Promise<void> {
  await page.keyboard.type(text, { delay });
  await page.keyboard.press('Enter');
}

/**
 * Presses Tab until the element with `testId` has the focus, as someone without a mouse would reach it;
 * fails after `max` presses. (`:focus` is checked by count first: a locator with no match would wait.)
 */
export async function tabTo(page: Page, testId: string, max = 40): Promise<void> {
  const focused = page.locator(':focus');
  for (let i = 0; i < max; i++) {
    if ((await focused.count()) === 1 && (await focused.getAttribute('data-testid')) === testId) return;
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId(testId)).toBeFocused();
}
