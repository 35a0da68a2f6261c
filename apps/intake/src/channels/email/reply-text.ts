/**
 * Lines that start the quoted original in a reply: Gmail/Apple "On … wrote:", German/French/
 * Spanish variants, Outlook's "-----Original Message-----" and its From:/Sent: header block.
 */
const QUOTE_HEADERS: RegExp[] = [
  /^\s*On\b[\s\S]{0,300}?\bwrote:\s*$/i,
  /^\s*Am\b[\s\S]{0,300}?\bschrieb\b[\s\S]{0,100}:\s*$/i,
  /^\s*Le\b[\s\S]{0,300}?\ba écrit\s*:\s*$/i,
  /^\s*El\b[\s\S]{0,300}?\bescribió:\s*$/i,
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
];

const OUTLOOK_HEADER = /^\s*\**From:\**\s.+$/i;
const OUTLOOK_FOLLOW = /^\s*\**(Sent|Date|To|Subject|Cc):\**\s/i;

/** Sign-offs that start a signature when they stand alone on a line near the end. */
const SIGN_OFFS =
  /^\s*(--\s*|—|best( regards)?|kind regards|regards|cheers|thanks( again| so much)?|thank you|many thanks|br|sent from my \w+.*|get outlook for \w+.*|sent from (yahoo )?mail for \w+.*)[,.!]?\s*$/i;

/** A sign-off only counts within this many lines of the end, so "Thanks" mid-message survives. */
const SIGNATURE_MAX_LINES = 6;

/**
 * The new text a customer wrote in a reply, without the quoted thread and without their
 * signature. Conservative: when unsure it keeps text rather than losing what they wrote.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (const [i, line] of lines.entries()) {
    // "On Tue, 3 Nov 2026 at 10:00, Ana <a@x>" may wrap before "wrote:"
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
    if (QUOTE_HEADERS.some((p) => p.test(line)) || (/^\s*On\b/i.test(line) && /wrote:\s*$/i.test(joined))) {
      end = i;
      break;
    }
    if (OUTLOOK_HEADER.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_FOLLOW.test(l))) {
      end = i;
      break;
    }
  }
  let kept = lines.slice(0, end).filter((line) => !/^\s*>/.test(line));
  kept = stripSignature(kept);
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripSignature(lines: string[]): string[] {
  const delimiter = lines.findIndex((l) => l === '-- ' || l === '--');
  if (delimiter > 0) return lines.slice(0, delimiter);
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && (lines[lastContent] ?? '').trim() === '') lastContent--;
  for (let i = Math.max(1, lastContent - SIGNATURE_MAX_LINES + 1); i <= lastContent; i++) {
    if (SIGN_OFFS.test(lines[i] ?? '')) return lines.slice(0, i);
  }
  return lines;
}
