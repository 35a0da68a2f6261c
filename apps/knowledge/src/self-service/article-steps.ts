/**
 * The numbered list under an article's "## Steps" heading, one entry per step, continuation lines
 * folded into their step. These are the checkpoints of a guided self-service session.
 */
export function articleSteps(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+steps\s*$/i.test(l.trim()));
  if (start < 0) return [];
  const steps: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    const item = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (item) steps.push(item[1].trim());
    else if (line.trim() && steps.length > 0) steps[steps.length - 1] += ` ${line.trim()}`;
  }
  return steps;
}
