/**
 * Publications: the files posted in rooms, their current view counts ({@code core.publications})
 * and the append-only history of those counts ({@code analytics.view_snapshots}).
 */
package ru.smetabot.model.publications;
