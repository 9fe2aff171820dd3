/**
 * The in-memory world: accounts, channels, private dialogs, messages, files, invite links and the clock.
 * Everything is guarded by one lock ({@link ru.smetabot.sandbox.state.SandboxState#locked}); reset empties it.
 */
package ru.smetabot.sandbox.state;
