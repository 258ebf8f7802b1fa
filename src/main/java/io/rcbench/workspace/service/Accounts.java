package io.rcbench.workspace.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Users and logins as Meteor's accounts-password does them: the client sends sha256hex(password), the store
 * keeps bcrypt of that digest, a login issues a resume token valid for {@code Accounts_LoginExpiration} days.
 * Thread-safe.
 */
public final class Accounts {
    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");
    /** Meteor's bcrypt cost. */
    public static final int BCRYPT_COST = 10;
    private static final Pattern USERNAME = Pattern.compile("[0-9a-zA-Z-_.]{1,128}");
    /** The widths of the users table's name and email columns: longer input is a 400, not a database error. */
    private static final int MAX_NAME = 256;
    private static final int MAX_EMAIL = 256;
    private final Stores stores;
    private final Settings settings;
    /** Serialises the availability check and insert of new users: concurrent creates of one username or email. */
    private final Object createLock = new Object();

    /** A successful login: the token is the secret the client resumes with. */
    public record Login(User user, String token, long expiresAtMs, String type) {
    }

    public Accounts(Stores stores, Settings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    /** The client's password digest ({@link io.rcbench.ddp.LoginRequests#sha256Hex}). */
    public static String sha256Hex(String password) {
        return io.rcbench.ddp.LoginRequests.sha256Hex(password);
    }

    /** bcrypt of a password digest at the given cost (Meteor: 10). */
    public static String bcryptOfDigest(String digestHex, int cost) {
        return BCrypt.withDefaults().hashToString(cost, digestHex.toCharArray());
    }

    /**
     * DDP/REST password login. {@code selector} is {@code {"username":..}}, {@code {"email":..}},
     * {@code {"id":..}} or a plain username/email string.
     */
    public Login loginWithPassword(JsonNode selector, String digestHex) {
        // Meteor's passwordValidator takes a digest of exactly 64 characters (Match failed otherwise); bcrypt itself
        // refuses more than 72 bytes, which surfaced as a 500.
        if (digestHex != null && !SHA256_HEX.matcher(digestHex).matches()) {
            throw new MeteorError(400, "Match failed");
        }
        User user = findBySelector(selector).orElseThrow(() -> new MeteorError(403, "User not found"));
        if (!user.active()) {
            throw new MeteorError("error-user-is-not-activated", "User is not activated");
        }
        if (digestHex == null || !BCrypt.verifyer().verify(digestHex.toLowerCase().toCharArray(), user.bcrypt()).verified) {
            throw new MeteorError(403, "Incorrect password");
        }
        return issueToken(user, "password");
    }

    private Optional<User> findBySelector(JsonNode selector) {
        if (selector == null) {
            return Optional.empty();
        }
        if (selector.isTextual()) {
            String s = selector.asText();
            return s.contains("@") ? stores.users.byEmail(s).or(() -> stores.users.byUsername(s)) : stores.users.byUsername(s);
        }
        if (selector.hasNonNull("username")) {
            return stores.users.byUsername(selector.get("username").asText());
        }
        if (selector.hasNonNull("email")) {
            return stores.users.byEmail(selector.get("email").asText());
        }
        if (selector.hasNonNull("id")) {
            return stores.users.byId(selector.get("id").asText());
        }
        return Optional.empty();
    }

    /** Login by resume token: the same token again, not a new one, as Meteor does. */
    public Login loginWithResume(String token) {
        var entry = stores.tokens.find(token)
            .orElseThrow(() -> new MeteorError(403, "You've been logged out by the server. Please log in again."));
        if (entry.expiresAtMs() < System.currentTimeMillis()) {
            throw new MeteorError(403, "Your session has expired. Please log in again.");
        }
        User user = stores.users.byId(entry.userId())
            .orElseThrow(() -> new MeteorError(403, "You've been logged out by the server. Please log in again."));
        return new Login(user, token, entry.expiresAtMs(), "resume");
    }

    private Login issueToken(User user, String type) {
        String token = RandomId.secret(43);
        long expires = System.currentTimeMillis() + TimeUnit.DAYS.toMillis(settings.number("Accounts_LoginExpiration"));
        stores.tokens.add(token, user.id(), expires);
        return new Login(user, token, expires, type);
    }

    /** The user a REST request authenticates as (X-User-Id + X-Auth-Token), if the pair is valid and current. */
    public Optional<User> authenticate(String userId, String token) {
        return stores.tokens.find(token)
            .filter(e -> e.userId().equals(userId) && e.expiresAtMs() >= System.currentTimeMillis())
            .flatMap(e -> stores.users.byId(userId));
    }

    public void logout(String token) {
        if (token != null) {
            stores.tokens.remove(token);
        }
    }

    /**
     * Creates a user with a plain password (hashed here). Errors are Rocket.Chat's: invalid or taken
     * username/email.
     */
    public User create(String username, String name, String email, String password, Set<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new MeteorError("error-invalid-username", "Invalid username");
        }
        if (password == null || password.isEmpty()) {
            throw new MeteorError("error-invalid-password", "Invalid password");
        }
        if (email != null && email.length() > MAX_EMAIL) {
            throw new MeteorError("error-invalid-email", "Email longer than " + MAX_EMAIL + " characters");
        }
        if (name != null && name.length() > MAX_NAME) {
            throw new MeteorError("error-invalid-name", "Name longer than " + MAX_NAME + " characters");
        }
        checkAvailable(username, email);
        // bcrypt outside the lock; the check is repeated under it, where it cannot race with another create.
        User u = new User(RandomId.id(), username, name == null ? username : name, email, roles,
            bcryptOfDigest(sha256Hex(password), BCRYPT_COST), System.currentTimeMillis(), true);
        synchronized (createLock) {
            checkAvailable(username, email);
            stores.users.insert(u);
        }
        return u;
    }

    private void checkAvailable(String username, String email) {
        if (stores.users.byUsername(username).isPresent()) {
            throw new MeteorError("error-field-unavailable", username + " is already in use :(");
        }
        if (stores.users.emailTaken(email)) {
            throw new MeteorError("error-field-unavailable", email + " is already in use :(");
        }
    }
}
