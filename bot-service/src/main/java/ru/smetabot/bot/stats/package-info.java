/**
 * "🔄 Обновить статистику": answers at once, runs the shared views refresh routine
 * ({@code ru.smetabot.views.ViewsRefresher}, the same one the worker runs), then edits the card;
 * on flood wait or userbot trouble the card keeps the last numbers, says why, and retries later.
 */
package ru.smetabot.bot.stats;
