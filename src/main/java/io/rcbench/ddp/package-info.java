/**
 * DDP, Meteor's realtime protocol as Rocket.Chat speaks it: JSON codec, EJSON dates, Meteor error objects
 * and ids. Shared by the embedded workspace (server side) and the client.
 * Facts: ../shared/docs/rocketchat-protocol.md section 1.
 */
package io.rcbench.ddp;
