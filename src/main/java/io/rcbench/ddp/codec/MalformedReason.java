package io.rcbench.ddp.codec;

/** Why an inbound frame was not usable DDP; counted per reason, the connection is kept. */
public enum MalformedReason {
    /** Not parseable JSON (or trailing garbage after the object). */
    NOT_JSON,
    /** JSON, but not an object (an array, a string, a number). */
    NOT_AN_OBJECT,
    /** A {@code msg} this client does not know, or a non-string {@code msg}. */
    UNKNOWN_MESSAGE,
    /** A known {@code msg} without a field it needs (result/nosub without id, added/changed/removed without collection). */
    MISSING_FIELD,
    /** A SockJS frame other than {@code o}, {@code h}, {@code a[...]}, {@code c[...]}. */
    BAD_SOCKJS_FRAME
}
