/**
 * "📢 Мои каналы": the overview with the room list (6 per page) and the room card (title, files,
 * views, last refresh, latest files). Screens are pure functions of {@link CardData} and {@link RoomListPage}.
 */
package ru.smetabot.bot.channels;
