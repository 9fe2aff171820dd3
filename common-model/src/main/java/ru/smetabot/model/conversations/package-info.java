/**
 * Bot conversations ({@code core.bot_conversations}): the one step the bot expects next from each
 * user. Written and taken by bot-service with plain SQL; the entity is for reading and schema checks.
 */
package ru.smetabot.model.conversations;
