package io.rcbench.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses the YAML the deploy tools print (one or several {@code ---} documents) into trees. */
final class YamlDocuments {
    private static final YAMLMapper MAPPER = new YAMLMapper();

    private YamlDocuments() {
    }

    /** Every non-empty document of {@code text}, in order. */
    static List<JsonNode> parseAll(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    /** The single document of {@code text}. */
    static JsonNode parse(String text) throws IOException {
        return MAPPER.readTree(text);
    }
}
