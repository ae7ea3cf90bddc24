import { describe, expect, it } from 'vitest';
import { systemLanguages, type LanguageSource } from '../../../../electron/main/system-languages';

const source = (preferred: (() => readonly string[]) | undefined, locale: () => string = () => 'en-US'): LanguageSource => ({ getPreferredSystemLanguages: preferred, getLocale: locale });

describe('systemLanguages', () => {
  it("keeps Windows' and macOS's order, the app locale last", () => {
    expect(systemLanguages(source(() => ['fr-CA', 'en-US', 'zh-Hans-CN', 'fi', 'es-419'], () => 'de'))).toEqual(['fr-CA', 'en-US', 'zh-Hans-CN', 'fi', 'es-419', 'de']);
  });

  it("reads glib's POSIX names on Linux, each tag once, C and POSIX left out", () => {
    expect(systemLanguages(source(() => ['de_AT.UTF-8', 'de_AT', 'de', 'C.UTF-8', 'POSIX', 'C'], () => 'de-AT'))).toEqual(['de-AT', 'de']);
  });

  it('falls back on the app locale when the OS gives no list, or this Electron has no such method', () => {
    expect(systemLanguages(source(() => []))).toEqual(['en-US']);
    expect(systemLanguages(source(undefined, () => 'nl'))).toEqual(['nl']);
  });

  it('tells nothing rather than throwing when the app cannot answer', () => {
    const broken = source(
      () => {
        throw new Error('no ICU');
      },
      () => {
        throw new Error('not ready');
      },
    );
    expect(systemLanguages(broken)).toEqual([]);
    expect(systemLanguages(source(() => ['*', '', 'garbage tag'], () => ''))).toEqual([]);
  });

  it('caps a runaway list', () => {
    const letter = (n: number) => String.fromCharCode(97 + n);
    const many = Array.from({ length: 40 }, (_, i) => `q${letter(Math.floor(i / 26))}${letter(i % 26)}`);
    expect(systemLanguages(source(() => many))).toHaveLength(16);
  });
});
