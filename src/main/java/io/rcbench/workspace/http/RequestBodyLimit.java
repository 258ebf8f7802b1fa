package io.rcbench.workspace.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.rcbench.workspace.rest.RestResponse;
import io.rcbench.workspace.rest.RestRouter;
import io.rcbench.workspace.settings.Settings;

/**
 * Refuses a request body the route will not take, before it is buffered: 413 when it is over
 * {@code HTTP_Max_Body_Bytes} on a route that takes no uploads, 401 when it is over that on an upload route
 * called without a valid login. A declared Content-Length is judged from the head alone; a chunked body as its
 * bytes arrive. Only logged-in upload requests go on to the aggregator with the upload limit. After a refusal
 * the connection reads nothing more into memory and closes once the answer is out. One instance per channel,
 * used on its event loop.
 */
final class RequestBodyLimit extends ChannelInboundHandlerAdapter {
    private final RestRouter router;
    private final Settings settings;
    private RestRouter.BodyAdmission admission = RestRouter.BodyAdmission.SMALL;
    private long received;
    private boolean refused;

    RequestBodyLimit(RestRouter router, Settings settings) {
        this.router = router;
        this.settings = settings;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            admission = router.admission(head);
            received = 0;
            if (declaredLength(head) > allowed()) {
                refuse(ctx, msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            received += content.content().readableBytes();
            if (received > allowed()) {
                refuse(ctx, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The Content-Length, or -1; an unparseable one is the decoder's to refuse (it marks the request failed). */
    private static long declaredLength(HttpRequest head) {
        try {
            return HttpUtil.getContentLength(head, -1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long allowed() {
        return admission == RestRouter.BodyAdmission.LARGE ? Long.MAX_VALUE : settings.number("HTTP_Max_Body_Bytes");
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        refused = true;
        RestResponse answer = admission == RestRouter.BodyAdmission.UNAUTHENTICATED_UPLOAD ? RestRouter.unauthenticated()
            : RestResponse.failure(413, "Payload Too Large: this route takes at most " + settings.number("HTTP_Max_Body_Bytes")
                + " bytes", "error-payload-too-large");
        ctx.fireChannelRead(new RefusedRequest(answer));
    }
}
