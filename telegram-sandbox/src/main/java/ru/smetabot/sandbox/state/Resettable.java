package ru.smetabot.sandbox.state;

/** A part of the sandbox that holds state of its own and empties it on {@code POST /sandbox/api/reset}. */
public interface Resettable {

    void reset();
}
