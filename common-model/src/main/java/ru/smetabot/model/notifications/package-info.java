/**
 * Notification settings per room ({@code core.notification_settings}) and digest deliveries
 * ({@code core.digest_deliveries}). Written by bot-service with plain SQL; the entities are for reading and schema checks.
 */
package ru.smetabot.model.notifications;
