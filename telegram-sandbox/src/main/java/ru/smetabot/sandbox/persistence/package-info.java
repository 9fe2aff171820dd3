/**
 * Keeps the sandbox's world in a data directory across restarts ({@code sandbox.data-dir}, env
 * {@code SANDBOX_DATA_DIR}): a Jackson snapshot written atomically shortly after changes and at shutdown, files
 * stored by content hash, and id ceilings that keep counters from going backwards after a crash. Unset, the
 * sandbox stays in memory. See telegram-sandbox/README.md, "Persistence".
 */
package ru.smetabot.sandbox.persistence;
