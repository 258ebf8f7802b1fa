package io.rcbench.ddp.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.codec.RawJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls in flight by id. A call stays until both its result and its {@code updated} arrived, it timed out, or the
 * connection ended, so nothing outlives its timeout. Only the client's event loop touches it.
 */
final class CallTable {
    private final Map<String, DdpCall> calls = new HashMap<>();

    void add(DdpCall call) {
        calls.put(call.id(), call);
    }

    /** Completes the call's result, read from the socket at {@code readNanos}; false when no such call is pending. */
    boolean result(String id, RawJson result, JsonNode error, long readNanos) {
        DdpCall call = calls.get(id);
        if (call == null || call.result().isDone()) {
            return false;
        }
        call.answered(readNanos);
        if (error != null) {
            call.result().completeExceptionally(DdpMethodException.of(call.method(), error));
        } else {
            call.result().complete(result);
        }
        settle(call);
        return true;
    }

    boolean updated(String id) {
        DdpCall call = calls.get(id);
        if (call == null) {
            return false;
        }
        call.updated().complete(null);
        settle(call);
        return true;
    }

    private void settle(DdpCall call) {
        if (call.settled()) {
            calls.remove(call.id());
            if (call.timeout != null) {
                call.timeout.cancel(false);
            }
        }
    }

    /** Fails the call if still pending (its timeout fired); true when the result itself timed out. */
    boolean timeout(DdpCall call, Throwable t) {
        if (calls.remove(call.id()) == null) {
            return false;
        }
        boolean resultPending = !call.result().isDone();
        call.fail(t);
        return resultPending;
    }

    /** Fails every pending call with the same exception, at once, and empties the table. */
    void failAll(Throwable t) {
        if (calls.isEmpty()) {
            return;
        }
        var pending = new ArrayList<>(calls.values());
        calls.clear();
        for (DdpCall c : pending) {
            c.fail(t);
        }
    }

    int size() {
        return calls.size();
    }
}
