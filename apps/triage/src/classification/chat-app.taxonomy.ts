import type { Taxonomy } from './taxonomy.js';

/** The default product's labels, following shared triage-taxonomy rules for Chat App. */
export const chatAppTaxonomy: Taxonomy = {
  product: 'chat-app',
  fields: {
    urgency: {
      fallback: 'low',
      labels: [
        {
          label: 'critical',
          description: 'security exposure, data loss, down for many users or an enterprise rollout',
          cues: ['leaked', 'leak', 'exposed', 'security', 'vulnerab', 'remote code', 'rce', 'bypass', 'data loss', 'wiped', 'deleted all', 'lost all', 'corrupt', 'production down', 'outage', 'all users', 'everyone is blocked'],
        },
        {
          label: 'high',
          description: 'a core function broken with no workaround',
          cues: ['cannot start', "can't start", 'wont start', "won't start", 'crash on launch', 'crashes on launch', 'crashes at startup', 'does not start', 'cannot send', "can't send", 'cannot receive', 'no plugins load', 'every plugin', 'all plugins fail', 'unusable', 'blocked'],
        },
        {
          label: 'medium',
          description: 'degraded, intermittent, slow, or broken with a workaround',
          cues: ['slow', 'intermittent', 'sometimes', 'occasionally', 'workaround', 'flicker', 'lag', 'timeout', 'error', 'fails', 'broken', 'not working', "doesn't work", 'traceback', 'exception'],
        },
        { label: 'low', description: 'how-to, docs, cosmetic, ideas, praise', cues: [] },
      ],
    },
    category: {
      fallback: 'technical',
      labels: [
        {
          label: 'documentation',
          description: 'about the docs themselves',
          cues: ['documentation', 'the docs', 'docs page', 'readme', 'typo in', 'guide is', 'outdated page', 'example in the docs'],
        },
        {
          label: 'feature',
          description: 'asks for a capability that does not exist',
          cues: ['feature request', 'would be nice', 'would love', 'please add', 'could you add', 'support for', 'it would be great', 'suggestion', 'wish'],
        },
        {
          label: 'bug',
          description: 'behaves against documented or intended behaviour',
          cues: ['crash', 'traceback', 'exception', 'bug', 'regression', 'broke', 'broken', 'wrong output', 'error:', 'stopped working', 'after updating', 'after upgrade'],
        },
        { label: 'technical', description: 'install, setup, configuration, how-to', cues: [] },
      ],
    },
    complexity: {
      fallback: 'simple',
      labels: [
        {
          label: 'architectural',
          description: 'needs a design change or deployment design',
          cues: ['architecture', 'redesign', 'isolation model', 'multi-team', 'large-scale', 'rollout', 'hundreds of', 'thousands of'],
        },
        {
          label: 'complex',
          description: 'needs reproduction, logs or code-level look',
          cues: ['traceback', 'stack trace', 'race condition', 'deadlock', 'memory leak', 'segfault', 'reproduce', 'regression'],
        },
        {
          label: 'moderate',
          description: 'multi-step troubleshooting or environment-specific',
          cues: ['tried', 'still', 'environment', 'windows', 'macos', 'linux', 'wsl', 'virtualenv', 'proxy', 'docker'],
        },
        { label: 'simple', description: 'one known answer', cues: [] },
      ],
    },
    userType: {
      fallback: 'experienced',
      labels: [
        { label: 'enterprise', description: 'speaks for an organisation', cues: ['our company', 'our team', 'seats', 'rollout', 'contract', 'sla', 'compliance', 'enterprise', 'procurement'] },
        { label: 'developer', description: 'writes plugins, hooks or integrations', cues: ['my plugin', 'writing a plugin', 'hook', 'def ', 'import ', 'subclass', 'api', 'pull request', 'traceback'] },
        { label: 'new', description: 'first days with the product', cues: ['just installed', 'new to', 'first time', 'getting started', 'beginner', 'newbie'] },
        { label: 'experienced', description: 'regular user', cues: [] },
      ],
    },
    component: {
      fallback: 'other',
      labels: [
        { label: 'llm-provider', description: 'provider profiles, API keys, models, MCP', cues: ['api key', 'provider', 'openai', 'anthropic', 'model', 'mcp', 'rate limit', '429', 'ollama', 'token'] },
        { label: 'plugin-system', description: 'plugin discovery, loading, hooks, plugin config', cues: ['plugin', 'plugins', 'hook'] },
        { label: 'event-bus', description: 'events, hook priorities, message flow, ordering', cues: ['eventbus', 'event bus', 'event', 'priority', 'ordering', 'subscriber', 'emit'] },
        { label: 'terminal-interface', description: 'rendering, input box, colours, keys, terminals', cues: ['terminal', 'render', 'colour', 'color', 'input box', 'keybinding', 'cursor', 'tmux', 'iterm', 'screen', 'unicode', 'emoji'] },
        { label: 'installation', description: 'install, upgrade, Python version, dependencies', cues: ['install', 'pip', 'pipx', 'upgrade', 'python 3', 'dependency', 'modulenotfounderror', 'importerror', 'wheel'] },
        { label: 'configuration', description: 'config files and layers, profiles, env vars', cues: ['config', 'configuration', 'settings', 'profile', 'environment variable', 'env var', 'yaml', 'json file'] },
        { label: 'state-persistence', description: 'history, sessions, logs on disk', cues: ['history', 'session', 'conversation log', 'logs', 'saved', 'persist'] },
        { label: 'other', description: 'anything else', cues: [] },
      ],
    },
    sentiment: {
      fallback: 'neutral',
      labels: [
        { label: 'negative', description: 'frustrated or upset', cues: ['frustrat', 'annoy', 'terrible', 'awful', 'unacceptable', 'angry', 'ridiculous', 'useless', 'disappoint', '!!'] },
        { label: 'positive', description: 'pleased or thankful', cues: ['love', 'great', 'awesome', 'thank', 'amazing', 'excellent', 'fantastic', 'appreciate'] },
        { label: 'neutral', description: 'matter of fact', cues: [] },
      ],
    },
  },
};
