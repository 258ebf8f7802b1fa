// Compatibility check of the official Node SDK (@rocket.chat/sdk, pinned in package.json) against a
// Rocket.Chat-compatible server: connect, log in, join a room by name, subscribe to the room's messages,
// send a message and receive it back on the stream. The SDK does every step; this file only sequences them.
//
// Usage: node compat.mjs [url] [username] [password] [room]
//   each argument falls back to RC_URL, RC_USERNAME, RC_PASSWORD, RC_ROOM (the password is better passed
//   in the environment than on a command line). RC_TEXT is the message to send (default: a unique text);
//   \uXXXX in it stands for that UTF-16 unit, so non-ASCII text survives a parent with an ASCII locale;
//   RC_TIMEOUT_MS bounds the whole run (default 30000);
//   RC_COMPAT_DEBUG=1 writes the SDK's log, every DDP frame included, to stderr.
// Output: one JSON line per step on stdout, e.g. {"step":"login","ok":true,"ms":41,"userId":"..."}.
// Exit status: 0 when every step passed; 1 at the first failing step; 2 on the overall timeout; 64 on bad usage.

import { Rocketchat } from '@rocket.chat/sdk';

const [argUrl, argUser, argPassword, argRoom] = process.argv.slice(2);
const url = argUrl || process.env.RC_URL;
const username = argUser || process.env.RC_USERNAME;
const password = argPassword || process.env.RC_PASSWORD;
const roomName = argRoom || process.env.RC_ROOM;
const timeoutMs = Number(process.env.RC_TIMEOUT_MS || 30000);
const debug = process.env.RC_COMPAT_DEBUG === '1';

function emit(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function describe(err) {
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
async function step(name, run) {
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
const client = new Rocketchat({ host: url.replace(/\/+$/, ''), useSsl: url.startsWith('https:'), logger });

await step('connect', async () => {
  await client.connect();
  return {};
});

await step('login', async () => {
  // REST POST /api/v1/login {username, password}, then DDP method login {resume: authToken}.
  const resumed = await client.login({ username, password });
  if (!client.userId) throw new Error('REST login returned no userId');
  if (!resumed || resumed.id !== client.userId) {
    throw new Error(`DDP resume did not log in as ${client.userId}: ${describe(resumed)}`);
  }
  return { userId: client.userId, username: client.username };
});

// The SDK's joinRoom({rid}) needs a room id, and its name lookups (GET chat.getRoomIdByNameOrId, chat.find) are not
// in Rocket.Chat's REST reference; channels.join takes roomName (protocol doc section 5), so join by name through
// the SDK's own authenticated REST client.
const { rid } = await step('join', async () => {
  const res = await client.post('channels.join', { roomName }, true);
  const channel = res && res.channel;
  if (!channel || !channel._id) throw new Error(`channels.join answered without a channel: ${describe(res)}`);
  if (channel.name !== roomName) throw new Error(`joined "${channel.name}", expected "${roomName}"`);
  return { rid: channel._id, name: channel.name };
});

const received = [];
let onReceived = () => {};
await step('subscribe', async () => {
  await client.onMessage((message) => {
    received.push(message);
    onReceived();
  });
  // stream-room-messages <rid>, stream-notify-room <rid>/typing and <rid>/deleteMessage; resolves on ready.
  const subs = await client.subscribeRoom(rid);
  const names = subs.map((s) => `${s.name} ${s.params[0]}`);
  if (subs.some((s) => !s.id)) throw new Error(`a subscription came back without an id: ${describe(names)}`);
  return { subscriptions: names };
});

const decodeEscapes = (s) => s.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
const text = decodeEscapes(process.env.RC_TEXT || '')
  || `rcbench node sdk compat ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)} ünïcödé ✓`;
const { messageId } = await step('send', async () => {
  // REST POST /api/v1/chat.sendMessage {message: {msg, rid, roomId}}.
  const sent = await client.sendMessage(text, rid);
  if (!sent || !sent._id) throw new Error(`chat.sendMessage answered without a message: ${describe(sent)}`);
  if (sent.msg !== text || sent.rid !== rid) throw new Error(`stored message differs: ${describe(sent)}`);
  return { messageId: sent._id, text };
});

await step('receive', async () => {
  const match = () => received.find((m) => m._id === messageId);
  if (!match()) {
    await new Promise((resolve) => {
      onReceived = () => match() && resolve();
    });
  }
  const m = match();
  if (m.msg !== text) throw new Error(`received text ${JSON.stringify(m.msg)}, sent ${JSON.stringify(text)}`);
  if (m.rid !== rid) throw new Error(`received rid ${m.rid}, expected ${rid}`);
  if (!m.u || m.u.username !== username) throw new Error(`received sender ${describe(m.u)}, expected ${username}`);
  if (!(m.ts instanceof Date) || Number.isNaN(m.ts.getTime())) throw new Error(`ts is not an EJSON date: ${describe(m.ts)}`);
  return { messageId: m._id, rid: m.rid, text: m.msg, from: m.u.username };
});

await step('disconnect', async () => {
  // REST POST /api/v1/logout, then DDP unsub of every sub and a 1000 close.
  await client.logout();
  await client.disconnect();
  return {};
});

clearTimeout(overall);
emit({ step: 'done', ok: true });
process.exit(0);
