/**
 * The views refresh on Quartz: the periodic job over every room, the on-demand job for one room,
 * the /refresh REST API behind a bearer token, and the refresh metrics.
 */
package ru.smetabot.worker.refresh;
