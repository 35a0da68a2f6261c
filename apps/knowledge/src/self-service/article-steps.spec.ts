import { articleSteps } from './article-steps.js';

describe('articleSteps', () => {
  it('reads the numbered steps and stops at the next heading', () => {
    const md =
      '## When\n\ntext\n\n## Steps\n\n1. Open the file.\n2. Run `kollab --check`\n   and read the output.\n3) Restart.\n\n## If this did not help\n\n1. Not a step.';
    expect(articleSteps(md)).toEqual(['Open the file.', 'Run `kollab --check` and read the output.', 'Restart.']);
  });

  it('has no steps without a Steps section', () => {
    expect(articleSteps('# Title\n\n1. a list elsewhere')).toEqual([]);
  });
});
