import { describe, expect, it } from 'vitest';
import { citedIds, coverage, specRules } from './specCoverage.js';

// Ids are built at run time so that this file does not cite them itself (the script scans it too).
const cite = (...ids: string[]) => ids.map((id) => `[${id}]`).join('');
const spec = [
  '# Rules',
  '',
  '- **Q1 First.** text',
  '  - **Q2 Indented.** text',
  'Not a rule: **Q9**',
  '- **WX12 Two letters.**',
  '',
].join('\n');

describe('SPEC coverage script', () => {
  it('reads every rule id of the SPEC, whatever its prefix', () => {
    expect(specRules(spec)).toEqual(['Q1', 'Q2', 'WX12']);
  });

  it('counts ids at the start of a test name, chained ones too, but not code or prose', () => {
    const source = [
      `it('${cite('Q1', 'Q2')} does things', () => {});`,
      `it(\`${cite('WX12')} in a template\`)`,
      `const x = row${cite('Q3')};`,
      `// see ${cite('Q4')}`,
    ].join('\n');
    expect(citedIds(source)).toEqual(['Q1', 'Q2', 'WX12']);
  });

  it('reports rules no test cites, ids no rule has, and ids defined twice', () => {
    const files = [{ name: 'a.test.ts', text: `it('${cite('Q1', 'Q7')} x')` }];
    const result = coverage(`${spec}- **Q1 Again.**\n`, files);
    expect(result.uncited).toEqual(['Q2', 'WX12']);
    expect(result.unknown).toEqual([{ id: 'Q7', files: ['a.test.ts'] }]);
    expect(result.duplicates).toEqual(['Q1']);
  });
});
