/** The definition form page: a new indicator of a council or of the national catalogue, or a change to one. */
import type { DefinitionOutcome } from '../../definitions.service.ts';
import type { IndicatorDefinition } from '../../indicator.types.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../../../../platform/web/index.ts';
import { definitionUrls } from '../urls.ts';
import {
  AREA_AGGREGATION_CHOICES,
  AREA_TYPE_CHOICES,
  COLLECTION_METHOD_CHOICES,
  FREQUENCY_CHOICES,
  PERIOD_TYPE_CHOICES,
  POLARITY_CHOICES,
  TIME_AGGREGATION_CHOICES,
  UNIT_CHOICES,
} from '../words.ts';
import type { DefinitionFormValues } from './values.ts';

export interface ChoiceItem {
  value: string;
  text: string;
  checked: boolean;
}

export interface DefinitionFormPageView {
  pageTitle: string;
  caption: string;
  action: string;
  /** a new indicator: the form asks for its code */
  isNew: boolean;
  /** "Version 2 is the current definition…", when one is being changed */
  versionText: string | undefined;
  notice: { heading: string; text: string } | undefined;
  values: DefinitionFormValues;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
  choices: {
    unit: ChoiceItem[];
    polarity: ChoiceItem[];
    areaAggregation: ChoiceItem[];
    timeAggregation: ChoiceItem[];
    frequency: ChoiceItem[];
    periodType: (ChoiceItem & { selected: boolean })[];
    areaTypes: ChoiceItem[];
    collectionMethod: ChoiceItem[];
  };
  aliasHint: string;
  /** the indicator's public page, once it exists */
  publicUrl: string | undefined;
  backLink: { href: string; text: string };
}

export interface DefinitionFormInput {
  owner: { id: string; name: string } | null;
  /** the current definition, when one is being changed */
  current: IndicatorDefinition | undefined;
  values: DefinitionFormValues;
  errors?: FormErrors;
  /** what the save before this page did */
  saved?: DefinitionOutcome | undefined;
  csrfToken: string;
}

function items(choices: Record<string, string>, chosen: string | readonly string[]): ChoiceItem[] {
  const isChosen = (v: string) => (typeof chosen === 'string' ? chosen === v : chosen.includes(v));
  return Object.entries(choices).map(([value, text]) => ({ value, text, checked: isChosen(value) }));
}

export function savedNotice(
  saved: DefinitionOutcome | undefined,
  def: IndicatorDefinition | undefined,
): DefinitionFormPageView['notice'] {
  if (!saved || !def) return undefined;
  const version = def.version;
  switch (saved) {
    case 'created':
      return { heading: `Version ${version} saved`, text: `${def.code} is defined. Its public page shows the definition.` };
    case 'versioned':
      return {
        heading: `Version ${version} saved`,
        text: 'The public page shows the new definition, with the earlier versions in its history.',
      };
    case 'aliases_updated':
      return { heading: 'Other codes saved', text: `The definition itself is as it was: it is still version ${version}.` };
    case 'unchanged':
      return { heading: 'No change: the definition is as it was', text: `It is still version ${version}.` };
  }
}

function titles(owner: DefinitionFormInput['owner'], current: IndicatorDefinition | undefined) {
  const whose = owner ? owner.name : 'National indicators';
  if (!current)
    return {
      pageTitle: owner ? 'Define a local indicator' : 'Define a national indicator',
      caption: whose,
    };
  return { pageTitle: `Change the definition of ${current.title}`, caption: `${whose}: indicator ${current.code}` };
}

export function definitionFormPageView(input: DefinitionFormInput): DefinitionFormPageView {
  const { owner, current, values } = input;
  const errors = input.errors ?? NO_FORM_ERRORS;
  return {
    ...titles(owner, current),
    action: current ? definitionUrls.edit(current.code) : definitionUrls.newIndicator(owner?.id ?? null),
    isNew: current === undefined,
    versionText: current
      ? `This is version ${current.version} of the definition. Saving a change makes version ${current.version + 1}; figures keep the version they were collected under.`
      : undefined,
    notice: savedNotice(input.saved, current),
    values,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: input.csrfToken,
    choices: {
      unit: items(UNIT_CHOICES, values.unit),
      polarity: items(POLARITY_CHOICES, values.polarity),
      areaAggregation: items(AREA_AGGREGATION_CHOICES, values.areaAggregation),
      timeAggregation: items(TIME_AGGREGATION_CHOICES, values.timeAggregation),
      frequency: items(FREQUENCY_CHOICES, values.frequency),
      periodType: [
        { value: '', text: 'Choose a period', checked: values.periodType === '', selected: values.periodType === '' },
        ...items(PERIOD_TYPE_CHOICES, values.periodType).map((i) => ({ ...i, selected: i.checked })),
      ],
      areaTypes: items(AREA_TYPE_CHOICES, values.areaTypes),
      collectionMethod: items(COLLECTION_METHOD_CHOICES, values.collectionMethod),
    },
    aliasHint: owner
      ? `Codes other lists give it, one a line, each beginning “${owner.id}:”, such as ${owner.id}:CP01`
      : 'Codes other lists give it, one a line, written scheme:code, such as NI:192 or oflog:ASC1',
    publicUrl: current ? definitionUrls.indicator(current.code) : undefined,
    backLink: owner
      ? { href: definitionUrls.local(owner.id), text: `Local indicators of ${owner.name}` }
      : { href: definitionUrls.national(), text: 'National indicators' },
  };
}
