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

import { client, describe, finish, password, roomName, step, username } from './compat-harness.mjs';

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

finish();
