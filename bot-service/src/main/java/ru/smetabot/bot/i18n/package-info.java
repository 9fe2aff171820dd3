/**
 * The bot's texts: message bundles (messages_ru default, messages_en) and the user's language.
 * Java code names a text by key; the words live in the bundles.
 */
package ru.smetabot.bot.i18n;
