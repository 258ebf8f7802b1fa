/**
 * The Rocket.Chat client every simulated user, bot and tool uses (protocol: ../shared/docs/rocketchat-protocol.md).
 * REST ({@link io.rcbench.rocketchat.RestClient} on the JDK HttpClient: login, actions, admin provisioning,
 * settings, uploads, webhooks, {@code /api/info}) and realtime sessions on the DDP client
 * ({@link io.rcbench.rocketchat.RocketChatSession}: login by REST + resume or by password digest, actions over DDP
 * or REST, the subscriptions a web client opens). Failures are {@link io.rcbench.rocketchat.RocketChatException}s
 * whose message says what to do; credentials never appear in messages, logs or {@code toString}.
 */
package io.rcbench.rocketchat;
