/**
 * The bot's connection to the Bot API: the long-polling loop, the one gateway every send and edit
 * goes through (deadlines, 429 retries, "not modified" as success), update dispatch and metrics.
 */
package ru.smetabot.bot.telegram;
