package io.rcbench.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.rcbench.ddp.Json;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * One benchmark session on a Netty channel: connect, login with a password digest, find its room with
 * {@code rooms/get}, subscribe to the room's messages, then report every bench message it receives. Senders
 * also get {@link #send}. Runs entirely on the channel's event loop; reads only what it needs from each frame
 * so the injector stays cheap.
 */
final class BenchSession extends SimpleChannelInboundHandler<Object> {
    /** Marker at the start of every bench message: {@code "msg":"b <sendNanos>"}. */
    private static final String MARK = "\"msg\":\"b ";
    private final WebSocketClientHandshaker handshaker;
    private final String username;
    private final String digest;
    private final String roomName;
    private final boolean listen;
    private final LongConsumer onDelivery;
    private final LongConsumer onSendAck;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private ChannelHandlerContext ctx;
    private String rid;
    private long nextId;

    BenchSession(WebSocketClientHandshaker handshaker, String username, String digest, String roomName, boolean listen,
                 LongConsumer onDelivery, LongConsumer onSendAck) {
        this.handshaker = handshaker;
        this.username = username;
        this.digest = digest;
        this.roomName = roomName;
        this.listen = listen;
        this.onDelivery = onDelivery;
        this.onSendAck = onSendAck;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        ctx = c;
        handshaker.handshake(c.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        ready.completeExceptionally(new IllegalStateException(username + " disconnected"));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext c, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            handshaker.finishHandshake(c.channel(), (FullHttpResponse) msg);
            write("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
            return;
        }
        if (!(msg instanceof TextWebSocketFrame frame)) {
            return;
        }
        String text = frame.text();
        int mark = text.indexOf(MARK);
        if (mark >= 0 && text.startsWith("{\"msg\":\"changed\"")) {
            onDelivery.accept(parseLong(text, mark + MARK.length()));
            return;
        }
        if (text.startsWith("{\"msg\":\"ping\"")) {
            write("{\"msg\":\"pong\"}");
        } else if (text.startsWith("{\"msg\":\"connected\"")) {
            write("{\"msg\":\"method\",\"method\":\"login\",\"id\":\"login\",\"params\":[{\"user\":{\"username\":\"" + username
                + "\"},\"password\":{\"digest\":\"" + digest + "\",\"algorithm\":\"sha-256\"}}]}");
        } else if (text.contains("\"msg\":\"result\"")) {
            onResult(text);
        } else if (text.startsWith("{\"msg\":\"ready\"")) {
            ready.complete(null);
        } else if (text.startsWith("{\"msg\":\"nosub\"")) {
            ready.completeExceptionally(new IllegalStateException(username + ": subscription refused: " + text));
        }
    }

    private void onResult(String text) {
        var f = Json.parse(text);
        String id = f.path("id").asText();
        if (f.has("error")) {
            if (!ready.isDone()) {
                ready.completeExceptionally(new IllegalStateException(username + ": " + id + " failed: " + f.get("error")));
            }
            return;
        }
        switch (id) {
            case "login" -> write("{\"msg\":\"method\",\"method\":\"rooms/get\",\"id\":\"rooms\",\"params\":[]}");
            case "rooms" -> {
                for (var r : f.path("result")) {
                    if (roomName.equals(r.path("name").asText())) {
                        rid = r.path("_id").asText();
                    }
                }
                if (rid == null) {
                    ready.completeExceptionally(new IllegalStateException(username + " is not in " + roomName));
                } else if (listen) {
                    write("{\"msg\":\"sub\",\"id\":\"room\",\"name\":\"stream-room-messages\",\"params\":[\"" + rid
                        + "\",{\"useCollection\":false,\"args\":[]}]}");
                } else {
                    ready.complete(null);
                }
            }
            default -> onSendAck.accept(Long.parseLong(id.substring(1)));
        }
    }

    /** Sends one bench message stamped with {@code sendNanos}; its ack reports that stamp. Event loop only. */
    void send(long sendNanos) {
        write("{\"msg\":\"method\",\"method\":\"sendMessage\",\"id\":\"s" + sendNanos + "\",\"params\":[{\"rid\":\"" + rid
            + "\",\"msg\":\"b " + sendNanos + "\"}]}");
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    private void write(String text) {
        ctx.writeAndFlush(new TextWebSocketFrame(text));
    }

    private static long parseLong(String s, int from) {
        long v = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        ready.completeExceptionally(cause);
        c.close();
    }
}
