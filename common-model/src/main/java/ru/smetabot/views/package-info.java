/**
 * The one views-refresh routine, shared by the worker (periodic and on demand) and the bot's
 * "🔄 Обновить статистику" button. Public surface: {@link ru.smetabot.views.ViewsRefresher},
 * {@link ru.smetabot.views.RefreshRuns}, their records, and
 * {@link ru.smetabot.views.ViewsRefreshConfiguration} to {@code @Import}.
 */
package ru.smetabot.views;
