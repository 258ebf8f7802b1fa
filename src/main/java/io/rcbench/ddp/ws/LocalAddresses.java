package io.rcbench.ddp.ws;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local addresses client sockets are bound to, taken in turn, so that connections spread evenly over them: one
 * local address reaches one target address and port through at most the ephemeral port range (about 28,000 ports by
 * default), so several give an injector that many more. A socket bound before connecting takes its port from the
 * range of its address alone, whatever the target. {@link #ANY} binds nothing and lets the OS choose. Thread-safe.
 */
public final class LocalAddresses {
    /** No binding: the OS picks the source address and port. */
    public static final LocalAddresses ANY = new LocalAddresses(List.of());
    private final List<InetAddress> addresses;
    private final AtomicInteger next = new AtomicInteger();

    private LocalAddresses(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** Spreads over {@code addresses} in order; an empty list is {@link #ANY}. */
    public static LocalAddresses of(List<InetAddress> addresses) {
        return addresses.isEmpty() ? ANY : new LocalAddresses(addresses);
    }

    /** The address (port 0: any free port of its range) the next socket binds to, or null to let the OS choose. */
    public InetSocketAddress next() {
        if (addresses.isEmpty()) {
            return null;
        }
        return new InetSocketAddress(addresses.get(Math.floorMod(next.getAndIncrement(), addresses.size())), 0);
    }

    public List<InetAddress> addresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return addresses.isEmpty() ? "any" : addresses.stream().map(InetAddress::getHostAddress).toList().toString();
    }
}
