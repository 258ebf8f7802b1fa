package io.rcbench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.run.CapacityResult;
import io.rcbench.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target's resident memory at the end of one capacity level, read from the target check the run keeps in its
 * folder ({@code target-check.json}, written again when the run is judged, so after the hold): its {@code resident
 * memory} finding (a real target's {@code process_resident_memory_bytes}) and its {@code peak resident memory}
 * (the embedded workspace's {@code VmHWM}; a fresh workspace per level, so the peak of that level). Read by path and
 * field name rather than through the job package's reader, which depends on this package. Cold path.
 */
final class StepMemory {
    static final String FILE = "target-check.json";
    private static final Pattern MB = Pattern.compile("^(\\d+) MB$");

    private StepMemory() {
    }

    /** The level's memory, or {@code null} when the folder has no check or the check observed no memory. */
    static CapacityResult.Memory read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Long resident = null;
        Long peak = null;
        for (JsonNode f : RunFolder.json().readTree(file.toFile()).path("findings")) {
            Matcher m = MB.matcher(f.path("target").asText().trim());
            if (!m.matches()) {
                continue;
            }
            switch (f.path("what").asText()) {
                case "resident memory" -> resident = Long.parseLong(m.group(1));
                case "peak resident memory" -> peak = Long.parseLong(m.group(1));
                default -> {
                    // other findings (cores, memory limit, disk) are the envelope, recorded elsewhere
                }
            }
        }
        return resident == null && peak == null ? null : new CapacityResult.Memory(resident, peak);
    }
}
