/**
 * Text that comes from Telegram (names, titles, link names, file names), made safe to store: one sanitiser
 * used where updates enter the bot and where records are written.
 */
package ru.smetabot.model.text;
