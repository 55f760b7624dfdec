import { describe, expect, it } from 'vitest';
import { indicatorDefinition } from '../../../../../test/support/indicator-factories.ts';
import { readDefinitionForm } from './form.ts';
import { formFieldOf, serviceProblems } from './problems.ts';
import { blankValues, type DefinitionFormValues, sentValues, valuesOfDefinition } from './values.ts';

const TRAFFORD = { id: 'trafford-council', name: 'Trafford Council' };

/** A good local indicator's form, as a person fills it in. */
function filled(overrides: Partial<DefinitionFormValues> = {}): DefinitionFormValues {
  return {
    ...blankValues(),
    code: 'TRF-STREETS',
    title: ' Streets judged clean ',
    description: 'The share of streets inspected that were found clean.',
    numeratorDefinition: 'Streets found clean',
    denominatorDefinition: 'Streets inspected',
    unit: 'percentage',
    decimalPlaces: '1',
    polarity: 'higher_is_better',
    areaAggregation: 'ratio',
    timeAggregation: 'ratio',
    frequency: 'annual',
    periodType: 'financial_year',
    areaTypes: ['metropolitan_district', 'ward'],
    aliases: 'trafford-council:CP01\n\n trafford-council:Clean streets ',
    ...overrides,
  };
}

const errorsOf = (values: DefinitionFormValues, ctx: Parameters<typeof readDefinitionForm>[1] = { owner: TRAFFORD }) => {
  const result = readDefinitionForm(values, ctx);
  return result.ok ? [] : result.errors.summary.map((s) => [s.href, s.text]);
};

describe('reading the definition form', () => {
  it('makes an IndicatorInput owned by the council, text trimmed and blanks null', () => {
    const result = readDefinitionForm(filled(), { owner: TRAFFORD });
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        code: 'TRF-STREETS',
        title: 'Streets judged clean',
        rationale: null,
        decimalPlaces: 1,
        unitMultiplier: null,
        targetRange: null,
        ownerBodyId: 'trafford-council',
        collectionMethod: 'administrative',
        areaTypes: ['metropolitan_district', 'ward'],
        aliases: [
          { scheme: 'trafford-council', alias: 'CP01' },
          { scheme: 'trafford-council', alias: 'Clean streets' },
        ],
      }),
    });
  });

  it('reports every problem at once, in the order of the form, each linked to its field', () => {
    const values = filled({
      title: '  ',
      decimalPlaces: '12',
      areaTypes: ['ward', 'galaxy'],
      aliases: 'oflog:ASC1',
      unit: 'rate',
      polarity: 'target_range',
      targetRangeLow: '80',
      targetRangeHigh: 'lots',
    });
    expect(errorsOf(values)).toEqual([
      ['#title', 'Enter a title'],
      ['#unitMultiplier', 'Say per how many people or things the rate is given, such as 1000'],
      ['#decimalPlaces', 'Decimal places must be a whole number from 0 to 6'],
      ['#targetRangeHigh', 'The highest figure of the target range must be a number'],
      ['#areaTypes', 'Choose the types of area from the list'],
      [
        '#aliases',
        'Other codes of Trafford Council’s indicators begin “trafford-council:”: write oflog:ASC1 as trafford-council:ASC1',
      ],
    ]);
  });

  it.each([
    [{ code: '' }, '#code', 'Enter a code for the indicator'],
    [{ code: 'street cleanliness' }, '#code', expect.stringMatching(/^The code must be 64 characters or fewer/)],
    [{ code: 'New' }, '#code', 'Choose another code: the site’s own pages use that one'],
    [{ description: '' }, '#description', 'Say what the indicator measures'],
    [{ title: 'x'.repeat(301) }, '#title', 'The title must be 300 characters or fewer'],
    [{ unit: 'percent' }, '#unit', 'Choose the unit of the figures'],
    [{ unit: 'rate', unitMultiplier: '0' }, '#unitMultiplier', 'Per how many must be more than 0, such as 1000'],
    [{ decimalPlaces: '' }, '#decimalPlaces', 'Enter the number of decimal places'],
    [{ decimalPlaces: '1.5' }, '#decimalPlaces', 'Decimal places must be a whole number from 0 to 6'],
    [{ polarity: '' }, '#polarity', 'Choose which way is better'],
    [{ polarity: 'target_range' }, '#targetRangeLow', 'Enter the lowest figure of the target range'],
    [
      { polarity: 'target_range', targetRangeLow: '90', targetRangeHigh: '80' },
      '#targetRangeLow',
      'The lowest figure of the target range must not be above the highest',
    ],
    [{ numeratorDefinition: '' }, '#numeratorDefinition', expect.stringMatching(/^Say what is counted: figures worked out/)],
    [{ periodType: '' }, '#periodType', 'Choose what period each figure is for'],
    [{ areaTypes: [] }, '#areaTypes', 'Choose at least one type of area the indicator is published for'],
    [{ collectionMethod: '' }, '#collectionMethod', 'Choose how the figures are collected'],
    [{ aliases: 'CP01' }, '#aliases', expect.stringMatching(/^Write each other code on a line of its own as scheme:code/)],
  ] as const)('refuses %o', (overrides, href, text) => {
    expect(errorsOf(filled(overrides as Partial<DefinitionFormValues>))[0]).toEqual([href, text]);
  });

  it('takes a national indicator’s aliases in any scheme, and a target range only with its polarity', () => {
    const national = readDefinitionForm(filled({ aliases: 'NI:192\noflog:ASC1', targetRangeLow: '1', targetRangeHigh: '2' }), {
      owner: null,
    });
    expect(national.ok && national.input).toMatchObject({
      ownerBodyId: null,
      targetRange: null,
      aliases: [
        { scheme: 'NI', alias: '192' },
        { scheme: 'oflog', alias: 'ASC1' },
      ],
    });
    const ranged = readDefinitionForm(filled({ polarity: 'target_range', targetRangeLow: '1,000', targetRangeHigh: '2000.5' }), {
      owner: null,
    });
    expect(ranged.ok && ranged.input.targetRange).toEqual({ low: 1000, high: 2000.5 });
  });

  it('asks for a new comparability note when what the figures mean changes', () => {
    const current = indicatorDefinition({ code: 'TRF-STREETS', version: 2, ownerBodyId: TRAFFORD.id, comparabilityNote: 'Old' });
    const ctx = { code: current.code, owner: TRAFFORD, current };
    const values = { ...valuesOfDefinition(current), unit: 'count', polarity: 'lower_is_better' };
    expect(errorsOf(values, ctx)).toEqual([
      [
        '#comparabilityNote',
        'You changed the unit, which way is better: say in a new comparability note how figures from version 3 compare with earlier ones',
      ],
    ]);
    expect(readDefinitionForm({ ...values, comparabilityNote: 'Counted streets from 2025' }, ctx).ok).toBe(true);
    // a change of words needs no note; the code is the one changed, whatever the form says
    const reworded = readDefinitionForm({ ...valuesOfDefinition(current), title: 'Clean streets', code: 'OTHER' }, ctx);
    expect(reworded.ok && reworded.input.code).toBe('TRF-STREETS');
  });
});

describe('the form’s values', () => {
  it('read a definition back as it would be sent again', () => {
    const def = indicatorDefinition({ aliases: [{ scheme: 'NI', alias: '192' }], targetRange: null, rationale: null });
    const values = valuesOfDefinition(def);
    expect(values).toMatchObject({ decimalPlaces: '1', rationale: '', targetRangeLow: '', aliases: 'NI:192' });
    const again = readDefinitionForm(values, { code: def.code, owner: null, current: def });
    expect(again.ok && again.input).toEqual({ ...def, version: undefined, createdAt: undefined, code: def.code });
  });

  it('turn the CRLF line breaks browsers send into LF, and one area type into a list', () => {
    expect(sentValues({ description: 'One\r\nTwo', areaTypes: 'ward', title: ['a', 'b'] })).toMatchObject({
      description: 'One\nTwo',
      areaTypes: ['ward'],
      title: '',
    });
  });
});

describe('problems the services found', () => {
  it.each([
    ['aliases[1].scheme', 'aliases'],
    ['targetRange', 'targetRangeLow'],
    ['comparabilityNote', 'comparabilityNote'],
    ['ownerBodyId', 'title'],
    [undefined, 'title'],
  ] as const)('%s is shown beside %s', (path, field) => {
    expect(formFieldOf(path, 'title')).toBe(field);
  });

  it('are worded with the field’s name, and an alias with the alias', () => {
    const errors = serviceProblems(
      [
        { field: 'aliases', value: 'NI:192', reason: 'alias NI:192 of TRF is already used by indicator NI192' },
        { field: 'code', value: 'trf', reason: 'code trf differs from the existing indicator TRF only by case' },
      ],
      'code',
    );
    expect(errors.summary).toEqual([
      { href: '#code', text: 'Code: code trf differs from the existing indicator TRF only by case' },
      { href: '#aliases', text: 'Other code “NI:192”: alias NI:192 of TRF is already used by indicator NI192' },
    ]);
  });
});
