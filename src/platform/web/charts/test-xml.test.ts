import { describe, expect, it } from 'vitest';
import { xmlProblems } from './test-xml.ts';

describe('xmlProblems (the well-formedness check the chart tests rely on)', () => {
  it.each([
    ['<svg><g><path d="M0"/></g></svg>', []],
    ['<svg><title>A &amp; B &lt;C&gt;</title></svg>', []],
    ['<svg><title>A & B</title></svg>', ['unescaped "&" in text "A & B"']],
    ['<svg><g></svg>', ['</svg> closes <g>', 'unclosed: svg']],
    ['<svg a="1" a="2"/>', ['<svg> repeats a']],
    ['<svg a=1/>', ['<svg> has unparsed attribute text "a=1"']],
    ['<svg title="x < y"/>', ['<svg title> has an unescaped value']],
    ['<svg/><svg/>', ['2 root elements']],
  ])('%s', (xml, problems) => {
    expect(xmlProblems(xml)).toEqual(problems);
  });
});
