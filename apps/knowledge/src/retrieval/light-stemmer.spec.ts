import { stem } from './light-stemmer.js';

describe('stem', () => {
  it('folds inflections of one word together', () => {
    expect(new Set(['delete', 'deleted', 'deleting', 'deletes'].map(stem)).size).toBe(1);
    expect(new Set(['run', 'running', 'runs'].map(stem)).size).toBe(1);
    expect(new Set(['entry', 'entries'].map(stem)).size).toBe(1);
  });

  it('keeps words that only look inflected', () => {
    expect(stem('status')).toBe('status');
    expect(stem('class')).toBe('class');
    expect(stem('analysis')).toBe('analysis');
  });

  it('leaves short words, numbers and identifiers alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('429')).toBe('429');
    expect(stem('utf8')).toBe('utf8');
  });

  it('leaves derivational suffixes alone', () => {
    expect(stem('configuration')).toBe('configuration');
    expect(stem('configure')).not.toBe(stem('configuration'));
  });
});
