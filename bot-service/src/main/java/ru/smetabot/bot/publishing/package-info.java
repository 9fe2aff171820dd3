/**
 * Files: "📤 Опубликовать файл" (document → room → posted with protect_content → publication
 * recorded) and documents posted straight into a room's channel (channel_post).
 */
package ru.smetabot.bot.publishing;
