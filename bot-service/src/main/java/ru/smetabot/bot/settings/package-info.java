/**
 * "⚙️ Настройки": what an owner chooses once — the time zone of every date the bot shows them (screens, charts,
 * exports, digests; Telegram does not tell a user's zone) and the hour of their digests — kept in
 * core.owner_settings, with BOT_TIME_ZONE / DIGEST_TIME for owners who never chose.
 */
package ru.smetabot.bot.settings;
