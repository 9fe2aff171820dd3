/**
 * Idempotency of Bot API updates ({@code core.processed_updates}): an update id is claimed once,
 * so a redelivered update never acts twice.
 */
package ru.smetabot.model.updates;
