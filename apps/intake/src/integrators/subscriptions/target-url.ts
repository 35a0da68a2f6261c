import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '@switchboard/service-kit';

const rejected = (reason: string) =>
  new AppError('WEBHOOK.TARGET_URL_REJECTED', `the target URL is not allowed: ${reason}`, 422, { reason });

/** `::ffff:10.0.0.1` and its normalized form `::ffff:a00:1` are IPv4 addresses in disguise. */
function ipv4Mapped(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1] as string, 16), parseInt(hex[2] as string, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Loopback, private, link-local (cloud metadata), CGNAT and unspecified ranges, IPv4 and IPv6. */
export function isPrivateAddress(address: string): boolean {
  const ip = ipv4Mapped(address) ?? address;
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      a >= 224
    );
  }
  const lower = ip.toLowerCase();
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/**
 * A subscription's target must be an absolute http(s) URL without credentials, and (unless
 * private targets are allowed, as in dev and test) must not name a private or loopback host.
 */
export function checkTargetUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw rejected('not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw rejected(`scheme ${url.protocol} (use http or https)`);
  if (url.username || url.password) throw rejected('credentials in the URL (use the signing secret)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate) {
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) throw rejected('local host name');
    if (isIP(host) && isPrivateAddress(host)) throw rejected('private or loopback address');
  }
  url.hash = '';
  return url.toString();
}

/** Re-checked at delivery: a public name may resolve to a private address (DNS rebinding). */
export async function assertPublicTarget(raw: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  if (addresses.some((a) => isPrivateAddress(a.address))) throw rejected('resolves to a private address');
}
