package io.rcbench.ddp.client;

/** Undoes a listener registration; idempotent. */
@FunctionalInterface
public interface Registration {
    void remove();
}
