package ru.smetabot.sandbox.state;

/**
 * A part of the sandbox that holds state of its own besides {@link SandboxState} (update queues, MTProto
 * sessions) and keeps it in the data directory with the world. {@link #save} is called under the world lock
 * and returns a copy as plain data (records, lists, maps) that Jackson writes; {@link #load} receives it back
 * at start-up, before any request is served.
 *
 * @param <T> the saved form
 */
public interface StoredPart<T> {

    /** Key of this part in the saved world; never change it once released. */
    String key();

    Class<T> type();

    /** A number that grows with every change, so an unchanged sandbox is not saved again. */
    long changes();

    T save();

    void load(T saved);
}
