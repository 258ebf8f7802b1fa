/**
 * The DDP client every simulated user, bot and tool uses: {@link io.rcbench.ddp.client.DdpClients} owns (or
 * borrows) the event loops, {@link io.rcbench.ddp.client.DdpClient} is one DDP session that survives reconnects.
 *
 * <p>Thread contract: each client lives on one event loop. Its public methods may be called from any thread;
 * every listener is invoked, and every future is completed, on that event loop, so callbacks must not block.
 */
package io.rcbench.ddp.client;
