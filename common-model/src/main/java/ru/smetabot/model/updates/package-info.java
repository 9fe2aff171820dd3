/**
 * The inbox of Bot API updates ({@code core.processed_updates}): each update parked before it is confirmed to
 * Telegram, taken once (keyed on update_id and a hash of its content), retried when its handling failed.
 */
package ru.smetabot.model.updates;
