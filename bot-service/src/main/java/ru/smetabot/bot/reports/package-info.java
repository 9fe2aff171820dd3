/**
 * "📈 График" and "📥 Экспорт" on the room card: the views-over-time chart (the room's total and one
 * file's), sent as a photo, and the CSV documents of the room's files and members.
 */
package ru.smetabot.bot.reports;
