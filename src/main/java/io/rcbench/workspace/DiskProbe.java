package io.rcbench.workspace;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which disk a directory is on, as far as Linux says: the file system, its size, and whether the block device is
 * rotational ({@code /sys/dev/block/<major:minor>/queue/rotational}, of the whole disk for a partition). Read on the
 * cold path; what cannot be found is said as unknown, never guessed.
 */
final class DiskProbe {
    private DiskProbe() {
    }

    /** E.g. {@code /dev/vda (ext4), 251 GB, non-rotational (SSD, or a virtual disk)}. */
    static String describe(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            String medium = device(dir).map(DiskProbe::medium).orElse("medium unknown");
            return store.name() + " (" + store.type() + "), " + store.getTotalSpace() / (1L << 30) + " GB, " + medium;
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The {@code major:minor} of the mount holding {@code dir}, from {@code /proc/self/mountinfo}. */
    private static java.util.Optional<String> device(Path dir) throws IOException {
        Path mountinfo = Path.of("/proc/self/mountinfo");
        if (!Files.isReadable(mountinfo)) {
            return java.util.Optional.empty();
        }
        String real = dir.toRealPath().toString();
        String best = null;
        int bestLength = -1;
        for (String line : Files.readAllLines(mountinfo)) {
            String[] f = line.split(" ");
            if (f.length < 5) {
                continue;
            }
            String mount = f[4];
            boolean under = real.equals(mount) || mount.equals("/") || real.startsWith(mount + "/");
            if (under && mount.length() > bestLength) {
                best = f[2];
                bestLength = mount.length();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static String medium(String majorMinor) {
        Path dev = Path.of("/sys/dev/block", majorMinor);
        for (Path q : new Path[] {dev.resolve("queue/rotational"), dev.resolve("../queue/rotational")}) {
            try {
                if (Files.isReadable(q)) {
                    // virtio and other virtual disks often report 1 whatever backs them: say what the flag says
                    return Files.readString(q).trim().equals("1") ? "rotational flag set (an HDD, or a virtual disk)"
                        : "non-rotational (SSD, or a virtual disk)";
                }
            } catch (IOException e) {
                // try the whole disk's entry
            }
        }
        return "medium unknown (device " + majorMinor.toLowerCase(Locale.ROOT) + ")";
    }
}
