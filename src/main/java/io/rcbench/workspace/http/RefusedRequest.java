package io.rcbench.workspace.http;

import io.rcbench.workspace.rest.RestResponse;

/**
 * A request refused before its body was read, passed down the pipeline in its place so that {@link RestHandler}
 * answers it in turn behind earlier pipelined requests, then closes the connection (the rest of the body is not
 * read).
 */
record RefusedRequest(RestResponse answer) {
}
