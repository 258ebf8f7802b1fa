// Shared set-up of the compatibility checks (compat.mjs, compat-actions.mjs): arguments, the redacting SDK logger,
// the overall timeout, one JSON line per step, and the official SDK's client. Usage, output and exit statuses are
// described at the top of each check.

import { Rocketchat } from '@rocket.chat/sdk';

const [argUrl, argUser, argPassword, argRoom] = process.argv.slice(2);
export const url = argUrl || process.env.RC_URL;
export const username = argUser || process.env.RC_USERNAME;
export const password = argPassword || process.env.RC_PASSWORD;
export const roomName = argRoom || process.env.RC_ROOM;
const timeoutMs = Number(process.env.RC_TIMEOUT_MS || 30000);
const debug = process.env.RC_COMPAT_DEBUG === '1';

export function emit(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

export function describe(err) {
  if (err instanceof Error) return err.message || String(err);
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

if (!url || !username || !password || !roomName) {
  emit({ step: 'usage', ok: false, error: 'need url, username, password and room (argv or RC_URL, RC_USERNAME, RC_PASSWORD, RC_ROOM)' });
  process.exit(64);
}

if (typeof fetch !== 'function') {
  emit({ step: 'usage', ok: false, error: `the SDK's REST client needs a global fetch (Node.js 18+); this is ${process.version}` });
  process.exit(64);
}

// The SDK logs request bodies and frames verbatim; keep passwords and tokens out of the log.
const redact = (line) => line.replace(/"(password|authToken|token|resume)":"[^"]*"/g, '"$1":"<redacted>"');
const stderrLog = (level) => (...args) => {
  // The driver also debug-logs each parsed frame as an object, right before the same frame as text: skip it.
  if ((debug && (level !== 'debug' || typeof args[0] === 'string')) || level === 'error') {
    process.stderr.write(redact(`[sdk ${level}] ${args.map((a) => (typeof a === 'string' ? a : describe(a))).join(' ')}`) + '\n');
  }
};
const logger = {
  debug: stderrLog('debug'),
  info: stderrLog('info'),
  warn: stderrLog('warn'),
  warning: stderrLog('warn'),
  error: stderrLog('error'),
};

let current = 'start';
const overall = setTimeout(() => {
  emit({ step: current, ok: false, error: `timed out: the whole run exceeded ${timeoutMs} ms` });
  process.exit(2);
}, timeoutMs);

/** Runs one step; prints its line; exits 1 if it throws. Returns what the step returned. */
export async function step(name, run) {
  current = name;
  const started = Date.now();
  try {
    const details = (await run()) || {};
    emit({ step: name, ok: true, ms: Date.now() - started, ...details });
    return details;
  } catch (err) {
    emit({ step: name, ok: false, ms: Date.now() - started, error: describe(err) });
    process.exit(1);
  }
}

// The REST client prefixes the host to /api/v1/...; the DDP driver derives ws://<host>/websocket from it.
export const client = new Rocketchat({ host: url.replace(/\/+$/, ''), useSsl: url.startsWith('https:'), logger });

/** Ends a run whose every step passed: exit status 0. */
export function finish() {
  clearTimeout(overall);
  emit({ step: 'done', ok: true });
  process.exit(0);
}
