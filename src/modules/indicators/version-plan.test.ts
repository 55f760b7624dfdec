import { describe, expect, it } from 'vitest';
import { indicatorDefinition, indicatorInput } from '../../../test/support/indicator-factories.ts';
import { fingerprintDefinition } from './fingerprint.ts';
import type { IndicatorInput } from './indicator.types.ts';
import { planVersion } from './version-plan.ts';

const current = indicatorDefinition({ version: 2, comparabilityNote: 'Old note', aliases: [{ scheme: 'NI', alias: '192' }] });
const recorded = { definition: current, fingerprint: fingerprintDefinition(current) };
const input = (o: Partial<IndicatorInput>) =>
  indicatorInput({ comparabilityNote: 'Old note', aliases: [{ scheme: 'NI', alias: '192' }], ...o });

describe('planVersion', () => {
  it('creates version 1 for a new code', () => {
    expect(planVersion(undefined, indicatorInput())).toMatchObject({ kind: 'create', version: 1 });
  });

  it.each<[string, Partial<IndicatorInput>, object]>([
    ['nothing changed', {}, { kind: 'unchanged', aliasesChanged: false }],
    ['only aliases changed', { aliases: [] }, { kind: 'unchanged', aliasesChanged: true }],
    ['the title changed', { title: 'New title' }, { kind: 'version', version: 3, changed: ['title'] }],
    [
      'only the note changed',
      { comparabilityNote: 'Better words' },
      { kind: 'version', version: 3, changed: ['comparabilityNote'] },
    ],
    [
      'the unit changed with a new note',
      { unit: 'ratio', comparabilityNote: 'Now a ratio' },
      { kind: 'version', changed: ['unit', 'comparabilityNote'] },
    ],
    ['the unit changed, no note', { unit: 'ratio', comparabilityNote: null }, { kind: 'refused', changed: ['unit'] }],
    ['the polarity changed, old note kept', { polarity: 'none' }, { kind: 'refused', changed: ['polarity'] }],
    [
      'the period type and denominator changed',
      { periodType: 'calendar_year', denominatorDefinition: 'x', comparabilityNote: null },
      { kind: 'refused', changed: ['denominatorDefinition', 'periodType'] },
    ],
  ])('%s', (_name, change, expected) => {
    expect(planVersion(recorded, input(change))).toMatchObject(expected);
  });

  it('says which fields changed and that a note is needed', () => {
    const plan = planVersion(recorded, input({ unit: 'ratio', unitMultiplier: 100 }));
    expect(plan.kind === 'refused' && plan.reason).toMatch(/unit, unitMultiplier.*comparability note/);
  });
});
