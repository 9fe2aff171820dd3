/**
 * Rooms: creating a channel through the userbot ("🆕 Новый канал"), adopting a channel the bot was
 * made admin of (my_chat_member), and the ownership check every room action goes through.
 */
package ru.smetabot.bot.rooms;
