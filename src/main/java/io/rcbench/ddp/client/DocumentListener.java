package io.rcbench.ddp.client;

/** Receives collection documents; called on the client's event loop, must not block. */
@FunctionalInterface
public interface DocumentListener {
    void onDocument(DocumentEvent event);
}
