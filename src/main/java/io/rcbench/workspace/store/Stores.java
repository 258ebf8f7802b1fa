package io.rcbench.workspace.store;

import java.nio.file.Path;

/** All stores of one workspace over one database; closing it closes the database. */
public final class Stores implements AutoCloseable {
    public final Database db;
    public final UserStore users;
    public final TokenStore tokens;
    public final RoomStore rooms;
    public final MessageStore messages;
    public final UploadStore uploads;
    public final IntegrationStore integrations;
    public final SettingStore settings;
    public final PermissionStore permissions;

    public Stores(Path dataDir) {
        db = new Database(dataDir);
        users = new UserStore(db);
        tokens = new TokenStore(db);
        rooms = new RoomStore(db);
        messages = new MessageStore(db);
        uploads = new UploadStore(db);
        integrations = new IntegrationStore(db);
        settings = new SettingStore(db);
        permissions = new PermissionStore(db);
    }

    @Override
    public void close() {
        db.close();
    }
}
