// The sign-in screen speaks the station's default: the OS's languages where the front door can tell
// (station:info's systemLanguages, from the desktop app), else the browser's navigator.languages.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { applyLanguage, stationLanguage } from '../../../../renderer/src/i18n/station-language';
import { FakeStation } from '../helpers/fake-transport';
import { renderApp } from '../helpers/render-app';

function browserSpeaks(languages: string[]): void {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(Object.freeze(languages));
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setLanguage('en');
});

describe('the station language', () => {
  it("goes down the browser's list when the OS tells nothing", () => {
    browserSpeaks(['pt-BR', 'fr-CA', 'en']);
    expect(stationLanguage()).toBe('fr');
    expect(stationLanguage([])).toBe('fr');
  });

  it("puts the OS's list before the browser's", () => {
    browserSpeaks(['de-AT', 'en']);
    expect(stationLanguage(['nl-BE', 'en-US'])).toBe('nl');
    expect(stationLanguage(['ja-JP'])).toBe('de');
  });

  it('is English when neither list has a catalog language', () => {
    browserSpeaks(['ja-JP', 'ko']);
    expect(stationLanguage(['zh-Hant-TW'])).toBe('en');
  });

  it("keeps an operator's choice, and a choice no catalog serves gives way to the station's", () => {
    browserSpeaks(['de-AT', 'en']);
    expect(applyLanguage('fr')).toBe('fr');
    expect(applyLanguage('pt-BR')).toBe('de');
    expect(applyLanguage(null)).toBe('de');
  });
});

describe('the sign-in screen', () => {
  it('speaks German when the browser prefers de-AT', async () => {
    browserSpeaks(['de-AT', 'en']);
    const station = new FakeStation();
    station.addOperator('Ada', 'admin', '246813');
    renderApp(station);
    expect(await screen.findByRole('heading', { name: 'Wer sind Sie?' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });

  it("speaks the OS's language the desktop app reported, over the browser's", async () => {
    browserSpeaks(['de-AT', 'en']);
    const station = new FakeStation();
    station.systemLanguages = ['fr-FR', 'en-US'];
    station.addOperator('Ada', 'admin', '246813');
    renderApp(station);
    expect(await screen.findByRole('heading', { name: 'Qui êtes-vous ?' })).toBeTruthy();
  });

  it("comes back to the station's language after an operator in another language signs out", async () => {
    browserSpeaks(['nl-BE', 'en']);
    const station = new FakeStation();
    station.addOperator('Pat', 'lead', '975318', { language: 'pl' });
    renderApp(station);
    fireEvent.click(await screen.findByTestId('operator-Pat'));
    for (const key of '975318') fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Enter' });
    await screen.findByTestId('shell');
    expect(document.documentElement.lang).toBe('pl');
    fireEvent.click(screen.getByTestId('sign-out'));
    expect(await screen.findByRole('heading', { name: 'Wie bent u?' })).toBeTruthy();
  });
});
