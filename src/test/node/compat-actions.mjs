// Compatibility check of the official Node SDK (@rocket.chat/sdk, pinned in package.json) against a
// Rocket.Chat-compatible server, for what a client does besides sending (issue 14): the login load (REST
// roles.list, permissions.listAll, settings.public, subscriptions.get, rooms.get; DDP public-settings/get,
// permissions/get, license:isEnterprise), channels.info through the SDK's channelInfo, an edit (SDK editMessage:
// chat.update), a reaction (SDK setReaction: chat.react), a sync (SDK loadHistory: chat.syncMessages), a status
// change (users.setStatus / users.getStatus) and a delete over DDP (deleteMessage) heard as <rid>/deleteMessage
// on the room subscription the SDK opens. The SDK does every call; this file only sequences and checks them.
//
// Usage: node compat-actions.mjs [url] [username] [password] [room]
//   each argument falls back to RC_URL, RC_USERNAME, RC_PASSWORD, RC_ROOM (the password is better passed
//   in the environment than on a command line). RC_TIMEOUT_MS bounds the whole run (default 30000);
//   RC_COMPAT_DEBUG=1 writes the SDK's log, every DDP frame included, to stderr.
// Output: one JSON line per step on stdout, e.g. {"step":"login","ok":true,"ms":41,"userId":"..."}.
// Exit status: 0 when every step passed; 1 at the first failing step; 2 on the overall timeout; 64 on bad usage.

import { client, describe, finish, password, roomName, step, username } from './compat-harness.mjs';

await step('connect', async () => {
  await client.connect();
  return {};
});

await step('login', async () => {
  const resumed = await client.login({ username, password });
  if (!client.userId || !resumed || resumed.id !== client.userId) {
    throw new Error(`login did not resume as ${client.userId}: ${describe(resumed)}`);
  }
  return { userId: client.userId };
});

const { rid } = await step('join', async () => {
  const res = await client.post('channels.join', { roomName }, true);
  if (!res || !res.channel || !res.channel._id) throw new Error(`channels.join: ${describe(res)}`);
  return { rid: res.channel._id };
});

await step('info', async () => {
  const channel = await client.channelInfo({ roomName });
  if (!channel || channel._id !== rid) throw new Error(`channelInfo: ${describe(channel)}`);
  return { name: channel.name };
});

await step('loginLoad', async () => {
  const roles = await client.get('roles.list', {}, true);
  if (!roles.roles || !roles.roles.some((r) => r._id === 'admin')) throw new Error(`roles.list: ${describe(roles)}`);
  const perms = await client.get('permissions.listAll', {}, true);
  if (!perms.update || !perms.update.some((p) => p._id === 'edit-message')) throw new Error('permissions.listAll lacks edit-message');
  const pub = await client.get('settings.public', {}, false);
  if (!pub.settings || !pub.settings.some((s) => s._id === 'Message_MaxAllowedSize')) throw new Error('settings.public lacks Message_MaxAllowedSize');
  const subs = await client.get('subscriptions.get', {}, true);
  if (!subs.update || !subs.update.some((s) => s.rid === rid)) throw new Error(`subscriptions.get lacks ${rid}`);
  const rooms = await client.get('rooms.get', {}, true);
  if (!rooms.update || !rooms.update.some((r) => r._id === rid)) throw new Error(`rooms.get lacks ${rid}`);
  const settings = unwrap(await client.methodCall('public-settings/get'));
  if (!Array.isArray(settings)) throw new Error(`public-settings/get: ${describe(settings)}`);
  const permissions = unwrap(await client.methodCall('permissions/get'));
  if (!Array.isArray(permissions)) throw new Error(`permissions/get: ${describe(permissions)}`);
  const enterprise = unwrap(await client.methodCall('license:isEnterprise'));
  if (enterprise !== false) throw new Error(`license:isEnterprise: ${describe(enterprise)}`);
  return { roles: roles.roles.length, permissions: perms.update.length, settings: pub.settings.length };
});

/** The SDK's methodCall answers the result, or the whole result frame when the result is falsy: unwrap that. */
function unwrap(r) {
  return r && typeof r === 'object' && !Array.isArray(r) && 'id' in r && 'result' in r ? r.result : r;
}

const deleted = [];
let onDeleted = () => {};
await step('subscribe', async () => {
  // stream-room-messages <rid>, stream-notify-room <rid>/typing and <rid>/deleteMessage.
  const subs = await client.subscribeRoom(rid);
  await client.onStreamData('stream-notify-room', (frame) => {
    const fields = (frame && frame.fields) || {};
    if (fields.eventName === `${rid}/deleteMessage`) {
      (fields.args || []).forEach((a) => deleted.push(a && a._id));
      onDeleted();
    }
  });
  return { subscriptions: subs.length };
});

const since = new Date(Date.now() - 1000);
const { messageId } = await step('send', async () => {
  const sent = await client.sendMessage(`actions ${Date.now()}`, rid);
  if (!sent || !sent._id) throw new Error(`chat.sendMessage: ${describe(sent)}`);
  return { messageId: sent._id };
});

await step('edit', async () => {
  const res = await client.editMessage({ _id: messageId, rid, msg: 'edited by the sdk' });
  if (!res || !res.message || res.message.msg !== 'edited by the sdk') throw new Error(`chat.update: ${describe(res)}`);
  return { editedBy: res.message.editedBy && res.message.editedBy.username };
});

await step('react', async () => {
  const res = await client.setReaction(':thumbsup:', messageId);
  if (!res || res.success !== true) throw new Error(`chat.react: ${describe(res)}`);
  return {};
});

await step('sync', async () => {
  const result = await client.loadHistory(rid, since);
  const mine = result && (result.updated || []).find((m) => m._id === messageId);
  if (!mine) throw new Error(`chat.syncMessages lacks ${messageId}: ${describe(result)}`);
  const users = mine.reactions && mine.reactions[':thumbsup:'] && mine.reactions[':thumbsup:'].usernames;
  if (mine.msg !== 'edited by the sdk' || !users || !users.includes(username)) {
    throw new Error(`synced message lacks the edit or the reaction: ${describe(mine)}`);
  }
  return { text: mine.msg, reactions: users.length };
});

await step('status', async () => {
  await client.post('users.setStatus', { status: 'away', message: 'sdk check' }, true);
  const res = await client.get('users.getStatus', {}, true);
  if (res.status !== 'away' || res.message !== 'sdk check') throw new Error(`users.getStatus: ${describe(res)}`);
  return { status: res.status };
});

await step('delete', async () => {
  const heard = new Promise((resolve) => {
    onDeleted = () => deleted.includes(messageId) && resolve();
    onDeleted();
  });
  await client.methodCall('deleteMessage', { _id: messageId });
  await heard;
  return { messageId };
});

await step('disconnect', async () => {
  await client.disconnect();
  return {};
});

finish();
