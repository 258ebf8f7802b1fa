package io.rcbench.workspace.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rcbench.workspace.store.SettingStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings by Rocket.Chat's ids with Rocket.Chat's defaults (apps/meteor/server/settings/*.ts, protocol
 * sections 7 and 8). Values changed through REST persist in the database. Readers call the getters on every
 * use, so a change applies at once. Thread-safe.
 */
public final class Settings {
    private static final Map<String, JsonNode> DEFAULTS = defaults();
    /**
     * The settings Rocket.Chat marks {@code public: true}: what {@code settings.public}, {@code public-settings/get}
     * and the {@code public-settings-changed} stream show to anyone.
     */
    private static final java.util.Set<String> PUBLIC = java.util.Set.of("Message_MaxAllowedSize", "FileUpload_MaxFileSize",
        "FileUpload_ProtectFiles", "Accounts_RegistrationForm", "UI_Use_Real_Name", "Message_Read_Receipt_Enabled",
        "Message_AllowEditing", "Message_AllowEditing_BlockEditInMinutes", "Message_AllowDeleting",
        "Message_AllowDeleting_BlockDeleteInMinutes", "Message_AllowPinning", "Message_AllowStarring", "Threads_enabled",
        "Site_Name", "Language", "API_Enable_Rate_Limiter", "Accounts_AllowUserStatusMessageChange");
    private final java.util.List<java.util.function.BiConsumer<String, JsonNode>> listeners =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> values = new ConcurrentHashMap<>();
    private final SettingStore store;

    public Settings(SettingStore store, Map<String, String> overrides) {
        this.store = store;
        values.putAll(DEFAULTS);
        values.putAll(store.load());
        // Like OVERWRITE_SETTING_<id>: boot-time overrides win over stored values.
        overrides.forEach((id, raw) -> values.put(id, coerce(id, raw)));
    }

    private static Map<String, JsonNode> defaults() {
        Map<String, JsonNode> d = new LinkedHashMap<>();
        d.put("Message_MaxAllowedSize", IntNode.valueOf(5000));
        d.put("FileUpload_MaxFileSize", LongNode.valueOf(104_857_600L));
        d.put("FileUpload_ProtectFiles", BooleanNode.TRUE);
        d.put("Accounts_LoginExpiration", IntNode.valueOf(90));
        d.put("Accounts_RegistrationForm", TextNode.valueOf("Public"));
        d.put("UI_Use_Real_Name", BooleanNode.FALSE);
        d.put("Message_Read_Receipt_Enabled", BooleanNode.FALSE);
        d.put("API_Enable_Rate_Limiter", BooleanNode.TRUE);
        d.put("API_Enable_Rate_Limiter_Limit_Calls_Default", IntNode.valueOf(10));
        d.put("API_Enable_Rate_Limiter_Limit_Time_Default", IntNode.valueOf(60_000));
        d.put("Rate_Limiter_Limit_RegisterUser", IntNode.valueOf(1));
        d.put("Site_Name", TextNode.valueOf("Rocket.Chat"));
        d.put("Language", TextNode.valueOf("en"));
        d.put("Message_AllowEditing", BooleanNode.TRUE);
        d.put("Message_AllowEditing_BlockEditInMinutes", IntNode.valueOf(0));
        d.put("Message_AllowDeleting", BooleanNode.TRUE);
        d.put("Message_AllowDeleting_BlockDeleteInMinutes", IntNode.valueOf(0));
        d.put("Message_AllowPinning", BooleanNode.TRUE);
        d.put("Message_AllowStarring", BooleanNode.TRUE);
        d.put("Threads_enabled", BooleanNode.TRUE);
        d.put("Accounts_AllowUserStatusMessageChange", BooleanNode.TRUE);
        // Not a Rocket.Chat setting: ddp-streamer's DDP_MAX_BUFFERED_BYTES (slow-consumer close at 4 MiB queued).
        d.put("DDP_Max_Buffered_Bytes", LongNode.valueOf(4L << 20));
        // Not Rocket.Chat settings: the embedded workspace's HTTP deadlines (Node's headersTimeout and keepAliveTimeout
        // play this part on a real server) and the body limit of routes that do not take uploads.
        d.put("HTTP_Header_Timeout_Ms", LongNode.valueOf(10_000));
        d.put("HTTP_Idle_Timeout_Ms", LongNode.valueOf(30_000));
        d.put("HTTP_Request_Timeout_Ms", LongNode.valueOf(120_000));
        d.put("HTTP_Max_Body_Bytes", LongNode.valueOf(1L << 20));
        ddp(d, "IP", 120_000, 60_000);
        ddp(d, "User", 1_200, 60_000);
        ddp(d, "Connection", 600, 60_000);
        ddp(d, "User_By_Method", 20, 10_000);
        ddp(d, "Connection_By_Method", 10, 10_000);
        return Collections.unmodifiableMap(d);
    }

    private static void ddp(Map<String, JsonNode> d, String rule, int allowed, int intervalMs) {
        d.put("DDP_Rate_Limit_" + rule + "_Enabled", BooleanNode.TRUE);
        d.put("DDP_Rate_Limit_" + rule + "_Requests_Allowed", IntNode.valueOf(allowed));
        d.put("DDP_Rate_Limit_" + rule + "_Interval_Time", IntNode.valueOf(intervalMs));
    }

    /** True when the id is a setting this workspace knows. */
    public static boolean isKnown(String id) {
        return DEFAULTS.containsKey(id);
    }

    /** True when Rocket.Chat shows the setting to anyone (its {@code public} flag). */
    public static boolean isPublic(String id) {
        return PUBLIC.contains(id);
    }

    /** The public settings' ids, in a stable order. */
    public java.util.List<String> publicIds() {
        return DEFAULTS.keySet().stream().filter(PUBLIC::contains).toList();
    }

    /** Called with (id, new value) after every successful {@link #set}, on the caller's thread. */
    public void onChange(java.util.function.BiConsumer<String, JsonNode> listener) {
        listeners.add(listener);
    }

    public Optional<JsonNode> get(String id) {
        return Optional.ofNullable(values.get(id));
    }

    public boolean bool(String id) {
        return values.get(id).asBoolean();
    }

    public long number(String id) {
        return values.get(id).asLong();
    }

    public String text(String id) {
        return values.get(id).asText();
    }

    /**
     * Sets and persists a value. Throws {@link IllegalArgumentException} for an unknown id or a value of the
     * wrong JSON type.
     */
    public void set(String id, JsonNode value) {
        JsonNode def = DEFAULTS.get(id);
        if (def == null) {
            throw new IllegalArgumentException("unknown setting " + id);
        }
        boolean typeOk = def.isBoolean() ? value.isBoolean() : def.isNumber() ? value.isNumber() : value.isTextual();
        if (!typeOk) {
            throw new IllegalArgumentException("setting " + id + " takes a " + def.getNodeType().name().toLowerCase());
        }
        store.save(id, value);
        values.put(id, value);
        listeners.forEach(l -> l.accept(id, value));
    }

    private static JsonNode coerce(String id, String raw) {
        JsonNode def = DEFAULTS.get(id);
        if (def == null) {
            throw new IllegalArgumentException("unknown setting " + id);
        }
        try {
            if (def.isBoolean()) {
                if (!raw.equals("true") && !raw.equals("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return BooleanNode.valueOf(Boolean.parseBoolean(raw));
            }
            return def.isNumber() ? LongNode.valueOf(Long.parseLong(raw)) : TextNode.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + id + "=" + raw + ": " + e.getMessage(), e);
        }
    }
}
