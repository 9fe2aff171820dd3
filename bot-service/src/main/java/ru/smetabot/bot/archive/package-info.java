/**
 * Closing a project: archiving a room (its links revoked in Telegram, its clients kept or removed, the
 * room out of "📢 Мои каналы" with its history kept and exportable), the "🗄 Архив" list and card,
 * reopening, and renaming a room in Telegram and in the database.
 */
package ru.smetabot.bot.archive;
