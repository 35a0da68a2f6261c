import { environmentFromText, environmentSchema } from './environment.js';

describe('environment block', () => {
  it('reads Label: value lines from a diagnostics paste', () => {
    const text = [
      'Plugins stopped loading after the upgrade.',
      '',
      '### Environment',
      '- OS: macOS 15.1',
      '- Python version: 3.12.3',
      '- Kollab version: 0.4.2',
      '- Terminal: iTerm2 3.5',
      '- Shell: zsh',
      '- Plugins: hook_logger 1.2.0, mcp-bridge==0.3, themes',
    ].join('\n');
    expect(environmentFromText(text)).toEqual({
      os: 'macOS 15.1',
      pythonVersion: '3.12.3',
      appVersion: '0.4.2',
      terminal: 'iTerm2 3.5',
      shell: 'zsh',
      plugins: [{ name: 'hook_logger', version: '1.2.0' }, { name: 'mcp-bridge', version: '0.3' }, { name: 'themes' }],
    });
  });

  it('reads a JSON diagnostics block', () => {
    const text = 'diag:\n```json\n{"os":"Ubuntu 24.04","pythonVersion":"3.12.1","plugins":[{"name":"x","version":"1"}]}\n```';
    expect(environmentFromText(text)).toEqual({
      os: 'Ubuntu 24.04',
      pythonVersion: '3.12.1',
      plugins: [{ name: 'x', version: '1' }],
    });
  });

  it('finds nothing in ordinary prose or a single stray label', () => {
    expect(environmentFromText('Hi, my plugins do not load. Version: 2 of my config.')).toBeUndefined();
    expect(environmentFromText('Thanks for the help!')).toBeUndefined();
  });

  it('types known fields and keeps extra scalar keys', () => {
    expect(environmentSchema.safeParse({ os: 'Linux', python: '3.12', gpu: false }).success).toBe(true);
    expect(environmentSchema.safeParse({ plugins: [{ version: '1' }] }).success).toBe(false);
    expect(environmentSchema.safeParse({ os: 42 }).success).toBe(false);
  });
});
