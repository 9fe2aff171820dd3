/**
 * Users and bots: creating them, the bots declared in {@code sandbox.bots} (env SANDBOX_BOTS),
 * and resetting the world back to that start-up state.
 */
package ru.smetabot.sandbox.accounts;
