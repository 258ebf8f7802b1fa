package io.rcbench.workspace.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A few of Rocket.Chat's built-in slash commands ({@code apps/meteor/app/slashcommands-*}): the text ones
 * ({@code /me}, {@code /shrug}, {@code /tableflip}, {@code /unflip}, {@code /lennyface}, {@code /gimme}) send a
 * message into the room; {@code /join #channel} and {@code /leave} change membership. Thread-safe.
 */
public final class SlashCommands {
    /** One command as {@code commands.list} describes it. */
    public record Command(String name, String params, String description) {
        public ObjectNode document() {
            return Json.object().put("command", name).put("params", params).put("description", description)
                .put("clientOnly", false).put("providesPreview", false);
        }
    }

    private static final Map<String, UnaryOperator<String>> TEXT = new LinkedHashMap<>();

    static {
        TEXT.put("me", p -> "_" + p + "_");
        TEXT.put("shrug", p -> (p.isEmpty() ? "" : p + " ") + "¯\\_(ツ)_/¯");
        TEXT.put("tableflip", p -> (p.isEmpty() ? "" : p + " ") + "(╯°□°）╯︵ ┻━┻");
        TEXT.put("unflip", p -> (p.isEmpty() ? "" : p + " ") + "┬─┬ ノ( ゜-゜ノ)");
        TEXT.put("lennyface", p -> (p.isEmpty() ? "" : p + " ") + "( ͡° ͜ʖ ͡°)");
        TEXT.put("gimme", p -> "༼ つ ◕_◕ ༽つ" + (p.isEmpty() ? "" : " " + p));
    }

    public static final List<Command> COMMANDS = List.of(
        new Command("gimme", "your_message_optional", "Slash_Gimme_Description"),
        new Command("join", "#channel", "Join_the_given_channel"),
        new Command("leave", "", "Leave_the_current_channel"),
        new Command("lennyface", "your_message_optional", "Slash_LennyFace_Description"),
        new Command("me", "your_message", "Displays_action_text"),
        new Command("shrug", "your_message_optional", "Slash_Shrug_Description"),
        new Command("tableflip", "your_message_optional", "Slash_Tableflip_Description"),
        new Command("unflip", "your_message_optional", "Slash_TableUnflip_Description"));

    private final Rooms rooms;
    private final Messaging messaging;

    public SlashCommands(Rooms rooms, Messaging messaging) {
        this.rooms = rooms;
        this.messaging = messaging;
    }

    public static boolean exists(String name) {
        return COMMANDS.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Runs {@code /command params} in {@code room} (the caller can read it); tmid keeps text commands in a thread. */
    public void run(User user, String command, String params, Room room, String tmid) {
        String p = params == null ? "" : params.trim();
        UnaryOperator<String> text = TEXT.get(command);
        if (text != null) {
            ObjectNode m = Json.object().put("rid", room.id()).put("msg", text.apply(p));
            if (tmid != null) {
                m.put("tmid", tmid);
            }
            messaging.send(user, m);
            return;
        }
        switch (command) {
            case "join" -> {
                String name = p.startsWith("#") ? p.substring(1) : p;
                Room target = rooms.resolveChannel(user, "#" + name);
                rooms.join(user, target.id());
            }
            case "leave", "part" -> rooms.leave(user, room);
            default -> throw new MeteorError("error-invalid-command", "The command provided does not exist (or is disabled).");
        }
    }
}
