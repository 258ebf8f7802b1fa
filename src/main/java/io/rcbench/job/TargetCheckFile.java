package io.rcbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.run.RunFolder;
import io.rcbench.verdict.TargetCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target-check.json} in a run folder: what was observed of the target against the profile's envelope, and
 * whether the user allowed a smaller envelope, so that a run judged again from its folder is judged the same way.
 *
 * @param allowSmallerEnvelope {@code --allow-smaller-envelope} was given
 */
public record TargetCheckFile(List<TargetCheck.Finding> findings, boolean allowSmallerEnvelope) {
    public static final String NAME = "target-check.json";

    public TargetCheckFile {
        findings = List.copyOf(findings);
    }

    /** No check (an ad-hoc run, or a folder written before checks were kept). */
    public static final TargetCheckFile NONE = new TargetCheckFile(List.of(), false);

    /** The findings as printed and kept in {@code verdict.json}. */
    public List<String> lines() {
        return findings.stream().map(TargetCheck.Finding::line).toList();
    }

    /** Why these findings make the verdict INCONCLUSIVE; empty when the envelope was held (or allowed smaller). */
    public List<String> inconclusiveReasons() {
        return TargetCheck.inconclusiveReasons(findings, allowSmallerEnvelope);
    }

    public void write(Path runDir) throws IOException {
        ObjectNode root = RunFolder.json().createObjectNode().put("allowSmallerEnvelope", allowSmallerEnvelope);
        ArrayNode list = root.putArray("findings");
        for (TargetCheck.Finding f : findings) {
            list.addObject().put("what", f.what()).put("profile", f.profile()).put("target", f.target())
                .put("match", f.match().name());
        }
        Files.createDirectories(runDir);
        RunFolder.json().writeValue(runDir.resolve(NAME).toFile(), root);
    }

    /** The check kept in {@code runDir}, or {@link #NONE} when there is none. */
    public static TargetCheckFile read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.exists(file)) {
            return NONE;
        }
        JsonNode root = RunFolder.json().readTree(file.toFile());
        List<TargetCheck.Finding> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            findings.add(new TargetCheck.Finding(f.path("what").asText(), f.path("profile").asText(),
                f.path("target").asText(), TargetCheck.Match.valueOf(f.path("match").asText())));
        }
        return new TargetCheckFile(findings, root.path("allowSmallerEnvelope").asBoolean(false));
    }
}
