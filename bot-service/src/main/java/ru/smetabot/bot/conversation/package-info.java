/**
 * What the bot is waiting for from each user (a channel title, a document, a room choice). Kept in
 * memory with an expiry: a restart forgets an unfinished step, and the user simply starts it again.
 */
package ru.smetabot.bot.conversation;
