/**
 * What the bot is waiting for from each user (a channel title, a document, a room choice, a search),
 * kept in core.bot_conversations for 30 minutes: a restart or another instance carries on.
 */
package ru.smetabot.bot.conversation;
