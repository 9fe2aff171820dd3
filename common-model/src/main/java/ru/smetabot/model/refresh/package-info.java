/**
 * Views refresh runs ({@code analytics.refresh_runs}): the history and back-off of the views
 * refresh, for reading. {@code ru.smetabot.views} writes them.
 */
package ru.smetabot.model.refresh;
