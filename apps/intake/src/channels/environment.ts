import { z } from 'zod';

/**
 * What a customer's setup looks like (the SOP's "technical environment"). Known fields are
 * typed; anything else a diagnostics dump carries is kept as extra keys.
 */
export const environmentSchema = z
  .object({
    os: z.string().max(200).optional(),
    pythonVersion: z.string().max(50).optional(),
    appVersion: z.string().max(50).optional(),
    plugins: z
      .array(z.object({ name: z.string().min(1).max(200), version: z.string().max(50).optional() }).strict())
      .max(500)
      .optional(),
    terminal: z.string().max(200).optional(),
    shell: z.string().max(200).optional(),
    provider: z.string().max(200).optional(),
  })
  .catchall(z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));

export type Environment = z.infer<typeof environmentSchema>;

const FIELD_LABELS: [keyof Environment, RegExp][] = [
  ['os', /^(?:os|operating system|platform)$/i],
  ['pythonVersion', /^(?:python|python version)$/i],
  ['appVersion', /^(?:(?:kollab|chat app|app)(?: version)?|version)$/i],
  ['terminal', /^(?:terminal|terminal emulator)$/i],
  ['shell', /^shell$/i],
  ['provider', /^(?:provider|profile)$/i],
];

const PLUGIN_ITEM = /^([A-Za-z0-9_.-]+)(?:\s*(?:==|@|\s)\s*v?([0-9][\w.+-]*))?$/;

function parsePlugins(value: string): { name: string; version?: string }[] {
  return value
    .split(/,\s*/)
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => {
      const [, name, version] = PLUGIN_ITEM.exec(item) ?? [];
      if (!name) return [];
      return [version ? { name, version } : { name }];
    });
}

/**
 * Finds an environment block in free text: a JSON object with environment keys, or
 * `Label: value` lines as printed by `kollab --version` / `/diagnostics` and issue templates.
 * Returns undefined when the text carries no such block.
 */
export function environmentFromText(text: string): Environment | undefined {
  const fromJson = jsonBlock(text);
  if (fromJson) return fromJson;
  const env: Record<string, unknown> = {};
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    const [, rawLabel, value] = /^\s*(?:[-*]\s*)?\**([A-Za-z][A-Za-z ]{1,30}?)\**\s*[:=]\s*(.+?)\s*$/.exec(line) ?? [];
    if (!rawLabel || !value) continue;
    const label = rawLabel.trim();
    if (/^plugins?$/i.test(label)) {
      const plugins = parsePlugins(value);
      if (plugins.length) env.plugins = plugins;
      continue;
    }
    const field = FIELD_LABELS.find(([, pattern]) => pattern.test(label));
    if (field && env[field[0]] === undefined) env[field[0]] = value.replace(/^`|`$/g, '');
  }
  const found = Object.keys(env).filter((k) => k !== 'plugins');
  // One stray "Version: 2" line is not a diagnostics block.
  if (found.length < 2) return undefined;
  const parsed = environmentSchema.safeParse(env);
  return parsed.success ? parsed.data : undefined;
}

function jsonBlock(text: string): Environment | undefined {
  const match = /\{[\s\S]*?"(?:os|pythonVersion|appVersion)"[\s\S]*\}/.exec(text);
  if (!match) return undefined;
  try {
    const value: unknown = JSON.parse(match[0]);
    const source =
      value && typeof value === 'object' && 'environment' in value ? (value as { environment: unknown }).environment : value;
    const parsed = environmentSchema.safeParse(source);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
