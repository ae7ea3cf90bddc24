import { describe, expect, it } from 'vitest';
import { checkSpelling, filterOptions, manufacturerOptions, modelOptions, type TupleOption } from '../../../../../renderer/src/components/tuple/tuple-options';

const choices = {
  manufacturers: [
    { name: 'HP', from: 'recent' as const },
    { name: 'Dell Inc.', from: 'catalog' as const },
    { name: 'HP', from: 'catalog' as const },
    { name: 'LENOVO', from: 'catalog' as const },
  ],
  models: [
    { manufacturer: 'LENOVO', model: '21HD0012US', from: 'recent' as const, description: 'ThinkPad T14 Gen 4' },
    { manufacturer: 'LENOVO', model: '20XW0012US', from: 'catalog' as const, description: 'ThinkPad X1 Carbon Gen 9' },
    { manufacturer: 'LENOVO', model: '21HD0012US', from: 'catalog' as const, description: 'ThinkPad T14 Gen 4' },
    { manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC', from: 'recent' as const, description: null },
  ],
};

describe('tuple options', () => {
  it('lists each manufacturer once, the recent one first', () => {
    expect(manufacturerOptions(choices).map((o) => [o.value, o.from])).toEqual([
      ['HP', 'recent'],
      ['Dell Inc.', 'catalog'],
      ['LENOVO', 'catalog'],
    ]);
  });

  it("keeps only the chosen manufacturer's models, recent before catalogue, each once", () => {
    expect(modelOptions(choices, 'LENOVO').map((o) => [o.value, o.from])).toEqual([
      ['21HD0012US', 'recent'],
      ['20XW0012US', 'catalog'],
    ]);
  });

  it('filters on the value or the description in any case; recent stays ahead of a better catalogue match', () => {
    const options: TupleOption[] = [
      { value: 'HP ProBook 450', from: 'recent', description: null },
      { value: 'EliteBook 840', from: 'catalog', description: null },
      { value: 'HP EliteBook 840', from: 'catalog', description: null },
      { value: '20XW0012US', from: 'catalog', description: 'ThinkPad X1 Carbon Gen 9' },
    ];
    expect(filterOptions(options, 'elite').map((o) => o.value)).toEqual(['EliteBook 840', 'HP EliteBook 840']);
    expect(filterOptions(options, 'x1 carbon').map((o) => o.value)).toEqual(['20XW0012US']);
    expect(filterOptions(options, 'hp').map((o) => o.value)).toEqual(['HP ProBook 450', 'HP EliteBook 840']);
    expect(filterOptions(options, '  ').map((o) => o.value)).toEqual(options.map((o) => o.value));
  });

  it('puts the exact spelling first within its group', () => {
    const options: TupleOption[] = [
      { value: 'HPE', from: 'catalog', description: null },
      { value: 'HP', from: 'catalog', description: null },
    ];
    expect(filterOptions(options, 'HP').map((o) => o.value)).toEqual(['HP', 'HPE']);
  });

  it('warns when the spelling differs only by case, or is not listed at all', () => {
    const makes = manufacturerOptions(choices);
    expect(checkSpelling('HP', makes)).toEqual({ kind: 'listed' });
    expect(checkSpelling(' HP ', makes)).toEqual({ kind: 'listed' });
    expect(checkSpelling('lenovo', makes)).toEqual({ kind: 'case', listed: 'LENOVO' });
    expect(checkSpelling('Dell', makes)).toEqual({ kind: 'unlisted' });
    expect(checkSpelling('', makes)).toEqual({ kind: 'empty' });
  });
});
