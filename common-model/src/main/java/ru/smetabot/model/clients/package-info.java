/**
 * Clients: the people who joined a room ({@code core.clients}), one row per room and Telegram user.
 * {@link ru.smetabot.model.clients.ClientRegistry} is the one way to record a join.
 */
package ru.smetabot.model.clients;
