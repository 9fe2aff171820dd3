/**
 * The contractor behind a Telegram user (registered on /start) and whether their Telegram account
 * is connected to the userbot, which is what creating rooms and reading views needs.
 */
package ru.smetabot.bot.account;
