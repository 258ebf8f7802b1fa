package io.rcbench.workspace.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * RFC 6455 checks Netty's frame decoder leaves to the application, placed after the extension decoders:
 * reserved bits that no negotiated extension consumed (section 5.2: fail with 1002), and the body of a close
 * frame (section 7.4: a code outside 1000-1003, 1007-1014 and 3000-4999, a one-byte body or a reason that is
 * not UTF-8 fails with 1002 and is never echoed). A violation becomes a {@link CorruptedWebSocketFrameException}
 * carrying the close code, which {@link DdpFrameHandler} sends before closing.
 */
final class WebSocketFrameRules extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame) {
            String violation = violation(frame);
            if (violation != null) {
                ReferenceCountUtil.release(frame);
                throw new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, violation);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static String violation(WebSocketFrame frame) {
        if (frame.rsv() != 0) {
            return "RSV bits set without a negotiated extension";
        }
        if (frame instanceof CloseWebSocketFrame) {
            ByteBuf body = frame.content();
            int n = body.readableBytes();
            if (n == 1) {
                return "a close frame body of one byte";
            }
            if (n >= 2) {
                int code = body.getUnsignedShort(body.readerIndex());
                if (!validCloseCode(code)) {
                    return "invalid close code " + code;
                }
                if (!ByteBufUtil.isText(body.slice(body.readerIndex() + 2, n - 2), java.nio.charset.StandardCharsets.UTF_8)) {
                    return "a close reason that is not UTF-8";
                }
            }
        }
        return null;
    }

    /** Codes a peer may send (RFC 6455 section 7.4 and the IANA registry); 1004-1006 and 1015 never go on the wire. */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
