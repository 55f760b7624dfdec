import { describe, expect, it } from 'vitest';
import { trendSentence } from './trend-sentence.ts';
import { csvOf, figureUrls, withQuery } from './urls.ts';

describe('figure page addresses', () => {
  it('leave out empty values and page 1', () => {
    expect(withQuery('/x', { a: '', b: undefined, page: 1 })).toBe('/x');
    expect(figureUrls.indicator('NI192', { period: 'FY2023', page: 2 })).toBe('/indicators/NI192?period=FY2023&page=2');
    expect(figureUrls.trend({ area: 'E08000009', indicator: 'NI192' })).toBe('/trend?area=E08000009&indicator=NI192');
  });

  it('ask for CSV at the same address, keeping the query', () => {
    expect(csvOf('/compare?area=E08000009&group=type')).toBe('/compare?area=E08000009&group=type&format=csv');
    expect(csvOf('/areas/E08000009', { theme: 'environment' })).toBe('/areas/E08000009?theme=environment&format=csv');
  });
});

describe('trendSentence', () => {
  const point = (formatted: string, value: number, label: string) => ({ formatted, period: { label }, figure: { value } });
  it.each([
    [
      point('60.4%', 60.4, '2015/16'),
      point('58.4%', 58.4, '2023/24'),
      'Recycling in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24.',
    ],
    [
      point('40.0%', 40, '2015/16'),
      point('44.2%', 44.2, '2023/24'),
      'Recycling in Trafford rose from 40.0% in 2015/16 to 44.2% in 2023/24.',
    ],
    [
      point('50.0%', 50, '2015/16'),
      point('50.0%', 50.01, '2023/24'),
      'Recycling in Trafford was 50.0% in 2015/16 and in 2023/24.',
    ],
  ])('%j to %j', (first, last, words) => {
    expect(trendSentence('Recycling', 'Trafford', first, last)).toBe(words);
  });
});
