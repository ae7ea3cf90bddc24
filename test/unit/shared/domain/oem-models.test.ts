import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { OEM_CATALOG, catalogModelsOf, firmwareValueProblem, otherCaseSpelling, parseOemCatalog } from '../../../../shared/domain/oem-models';
import catalogFile from '../../../../shared/domain/oem-models.json' with { type: 'json' };

const valid = {
  note: 'firmware spellings',
  version: 1,
  manufacturers: [{ name: 'ACME Corp', source: 'test', models: [{ model: 'Anvil 3000', description: null }] }],
};

describe('oem-models.json', () => {
  it('loads, with every manufacturer and model spelled without stray spaces or control characters', () => {
    expect(OEM_CATALOG.models.length).toBeGreaterThan(0);
    for (const value of [...OEM_CATALOG.manufacturers, ...OEM_CATALOG.models.flatMap((m) => [m.manufacturer, m.model])]) {
      expect(firmwareValueProblem(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('lists each manufacturer once and each manufacturer + model pair once (exact spelling)', () => {
    expect(new Set(OEM_CATALOG.manufacturers).size).toBe(OEM_CATALOG.manufacturers.length);
    const pairs = OEM_CATALOG.models.map((m) => `${m.manufacturer}\u0000${m.model}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const m of OEM_CATALOG.models) expect(OEM_CATALOG.manufacturers).toContain(m.manufacturer);
  });

  it('holds the pairs the emulator registry is seeded with, so the demo registers', () => {
    expect(catalogModelsOf('HP').map((m) => m.model)).toContain('HP EliteBook 840 14 inch G10 Notebook PC');
    expect(catalogModelsOf('Dell Inc.').map((m) => m.model)).toContain('Latitude 5440');
    expect(catalogModelsOf('LENOVO')).toEqual([expect.objectContaining({ model: '21HD0001GE', description: expect.stringMatching(/ThinkPad T14 Gen 4/) })]);
  });

  it('spells the common OEMs as their firmware does, not as their brand is written', () => {
    expect(OEM_CATALOG.manufacturers.slice(0, 4)).toEqual(['Dell Inc.', 'HP', 'LENOVO', 'Microsoft Corporation']);
    expect(OEM_CATALOG.manufacturers).toEqual(expect.arrayContaining(['ASUSTeK COMPUTER INC.', 'Acer', 'Dynabook Inc.', 'SAMSUNG ELECTRONICS CO., LTD.']));
    expect(catalogModelsOf('Microsoft Corporation').map((m) => m.model)).toContain('Surface Laptop 5');
  });

  it('says where each spelling comes from', () => {
    for (const m of catalogFile.manufacturers) expect(m.source.length, m.name).toBeGreaterThan(0);
  });
});

describe('parseOemCatalog', () => {
  it('flattens manufacturers into pairs', () => {
    expect(parseOemCatalog(valid)).toEqual({ manufacturers: ['ACME Corp'], models: [{ manufacturer: 'ACME Corp', model: 'Anvil 3000', description: null }] });
  });

  it.each([
    ['a trailing space', { ...valid, manufacturers: [{ ...valid.manufacturers[0], name: 'ACME Corp ' }] }, /spaces at the start or end/],
    ['a control character', { ...valid, manufacturers: [{ ...valid.manufacturers[0], models: [{ model: 'Anvil\t3000', description: null }] }] }, /control character/],
    ['a pair twice', { ...valid, manufacturers: [{ ...valid.manufacturers[0], models: [valid.manufacturers[0]!.models[0], valid.manufacturers[0]!.models[0]] }] }, /listed twice/],
    ['a manufacturer twice', { ...valid, manufacturers: [valid.manufacturers[0], valid.manufacturers[0]] }, /listed twice/],
    ['an unknown field', { ...valid, manufacturers: [{ ...valid.manufacturers[0], models: [{ model: 'X', description: null, sku: 'Y' }] }] }, /unrecognized|sku/i],
  ])('refuses a file with %s, naming the problem', (_what, file, message) => {
    expect(() => parseOemCatalog(file)).toThrow(ZodError);
    expect(() => parseOemCatalog(file)).toThrow(message);
  });

  it('keeps case: DELL INC. is not Dell Inc.', () => {
    const catalog = parseOemCatalog({ ...valid, manufacturers: [{ name: 'Dell Inc.', source: 's', models: [] }, { name: 'DELL INC.', source: 's', models: [] }] });
    expect(catalog.manufacturers).toEqual(['Dell Inc.', 'DELL INC.']);
  });
});

describe('firmwareValueProblem', () => {
  it.each([
    ['HP', null],
    ['Microsoft Surface Laptop, 7th Edition', null],
    ['', /empty/],
    [' HP', /start or end/],
    ['HP\n', /control character/],
    ['H\u200bP', /control character/],
    ['Dell\u00a0Inc.', /not a plain space/],
    ['HP\ud800', /damaged or unprintable/],
    ['HP \ufffd', /damaged or unprintable/],
  ])('%j', (value, expected) => {
    const problem = firmwareValueProblem(value);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('otherCaseSpelling', () => {
  const listed = ['Dell Inc.', 'HP'];
  it('names the listed spelling of a value in another case, and nothing for a listed or unknown value', () => {
    expect(otherCaseSpelling('DELL INC.', listed)).toBe('Dell Inc.');
    expect(otherCaseSpelling('hp', listed)).toBe('HP');
    expect(otherCaseSpelling('Dell Inc.', listed)).toBeNull();
    expect(otherCaseSpelling('Dell', listed)).toBeNull();
  });
});
