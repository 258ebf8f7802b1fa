package io.rcbench.cli;

import io.rcbench.job.Shard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is parsed, so a bad value is a usage error (exit 64, one line
 * naming the option) before anything starts, never an exception out of a running job.
 */
final class OptionConverters {
    private OptionConverters() {
    }

    /** {@code --transport}: ddp or rest, any case. */
    static final class Transport implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String t = value.trim().toLowerCase(Locale.ROOT);
            if (!t.equals("ddp") && !t.equals("rest")) {
                throw new TypeConversionException("'" + value + "' is not a transport: use ddp or rest");
            }
            return t;
        }
    }

    /** {@code --shard}: i/N with 0 <= i < N. */
    static final class ShardOf implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a shard: use i/N with 0 <= i < N, e.g. 0/4");
            }
        }
    }

    /**
     * {@code --local-addresses}: an IP address literal (no name lookup) that a socket of this machine can bind to,
     * checked by binding one.
     */
    static final class LocalAddress implements ITypeConverter<java.net.InetAddress> {
        @Override
        public java.net.InetAddress convert(String value) {
            String v = value.trim();
            java.net.InetAddress a;
            try {
                if (!v.matches("[0-9.]+|[0-9A-Fa-f:.%a-z]*:[0-9A-Fa-f:.%a-z]*")) {
                    throw new java.net.UnknownHostException(v);
                }
                a = java.net.InetAddress.getByName(v);
            } catch (java.net.UnknownHostException e) {
                throw new TypeConversionException("'" + value + "' is not an IP address (e.g. 127.0.0.2 or 10.0.0.5)");
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.bind(new java.net.InetSocketAddress(a, 0));
            } catch (java.io.IOException e) {
                throw new TypeConversionException("'" + value + "' is not an address of this machine (" + e.getMessage()
                    + "): list them with 'ip -brief address'");
            }
            return a;
        }
    }

    /** {@code --target}, {@code --prometheus}: an absolute http(s) URL with a host. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = new URI(value.trim());
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new TypeConversionException("'" + value + "' is not an http(s)://host[:port][/prefix] URL");
            }
            return uri;
        }
    }
}
