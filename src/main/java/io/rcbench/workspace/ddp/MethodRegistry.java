package io.rcbench.workspace.ddp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** DDP methods by name. Filled at start-up, read by every call. */
public final class MethodRegistry {
    private final Map<String, DdpMethod> methods = new ConcurrentHashMap<>();

    public MethodRegistry register(String name, DdpMethod method) {
        if (methods.putIfAbsent(name, method) != null) {
            throw new IllegalStateException("method registered twice: " + name);
        }
        return this;
    }

    public Optional<DdpMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }
}
