/**
 * The event log ({@code analytics.events}): joins, leaves, links used, files posted, refreshes,
 * with JSON details. Append-only.
 */
package ru.smetabot.model.events;
