package io.rcbench.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with their line numbers, using Jackson's streaming YAML parser. The only
 * class that knows a YAML library. Duplicate keys and multi-document files are errors.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** Reads a file; {@code displayName} is used in origins (the path as the user gave it). */
    static YamlNode read(Path file, String displayName) throws ProfileException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, displayName, 0);
        } catch (IOException e) {
            ProfileException pe = unwrap(e);
            throw pe != null ? pe
                : new ProfileException(new ProfileError(new Origin(displayName, 0), "", "cannot read: " + e.getMessage()));
        }
    }

    /** Parses one value given on the command line ({@code --set key=value}); plain text stays text. */
    static YamlNode readValue(String text, Origin origin) throws ProfileException {
        try {
            YamlNode n = parse(new StringReader(text), origin.source(), -1);
            return n == null ? new YamlNode.Scalar(null, origin) : n;
        } catch (IOException e) {
            ProfileException pe = unwrap(e);
            throw pe != null ? pe : new ProfileException(new ProfileError(origin, "", "not a YAML value: " + e.getMessage()));
        }
    }

    /** {@code fixedLine} -1: every node gets line 0 (command-line values). */
    private static YamlNode parse(Reader r, String source, int fixedLine) throws IOException {
        try (JsonParser p = FACTORY.createParser(r)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            YamlNode root = node(p, source, fixedLine);
            if (p.nextToken() != null) {
                throw error(source, p.currentTokenLocation(), fixedLine, "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new ProfileIoException(new ProfileException(new ProfileError(
                new Origin(source, fixedLine < 0 || l == null ? 0 : l.getLineNr()), "", "YAML syntax: " + msg)));
        }
    }

    private static YamlNode node(JsonParser p, String source, int fixedLine) throws IOException {
        Origin at = new Origin(source, fixedLine < 0 ? 0 : p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    if (entries.containsKey(key)) {
                        throw error(source, keyAt, fixedLine, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, node(p, source, fixedLine));
                }
                return new YamlNode.MapNode(entries, at);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source, fixedLine));
                }
                return new YamlNode.ListNode(items, at);
            }
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(p.getLongValue(), at);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(p.getDoubleValue(), at);
            case VALUE_TRUE:
                return new YamlNode.Scalar(Boolean.TRUE, at);
            case VALUE_FALSE:
                return new YamlNode.Scalar(Boolean.FALSE, at);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, at);
            default:
                return new YamlNode.Scalar(p.getText(), at);
        }
    }

    private static ProfileIoException error(String source, JsonLocation l, int fixedLine, String msg) {
        return new ProfileIoException(new ProfileException(new ProfileError(
            new Origin(source, fixedLine < 0 ? 0 : l.getLineNr()), "", msg)));
    }

    /** Carries a {@link ProfileException} through the parser's IOException-typed code. */
    private static final class ProfileIoException extends IOException {
        private static final long serialVersionUID = 1L;

        ProfileIoException(ProfileException cause) {
            super(cause);
        }
    }

    static ProfileException unwrap(IOException e) {
        return e.getCause() instanceof ProfileException pe ? pe : null;
    }
}
