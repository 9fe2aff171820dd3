/**
 * The in-memory world: accounts, channels, private dialogs, messages, files, invite links and the clock.
 * Everything is guarded by one lock ({@link ru.smetabot.sandbox.state.SandboxState#locked}); reset empties it.
 * With a data directory every non-transient field of {@code SandboxState} and of the objects it holds is saved
 * field by field with Jackson (ru.smetabot.sandbox.persistence): keep them plain data (records, maps, lists,
 * numbers, strings, instants) and mark working fields {@code transient}. Other parts with state of their own
 * implement {@link ru.smetabot.sandbox.state.StoredPart}; id counters go through
 * {@link ru.smetabot.sandbox.state.IdCeilings} so they never go back after a crash.
 */
package ru.smetabot.sandbox.state;
