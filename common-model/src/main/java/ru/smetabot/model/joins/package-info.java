/**
 * Join-request decisions ({@code core.join_decisions}): written before Telegram is asked, completed with what Telegram
 * confirmed. The bot writes them with plain SQL; the entity maps the table so the schema is validated.
 */
package ru.smetabot.model.joins;
