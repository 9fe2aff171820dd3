/**
 * Connecting a contractor's own Telegram account: the Mini App login (initData verified on every step, the
 * account is always the user who opened the page), the chat confirmation, and "🔌 Отключить аккаунт".
 */
package ru.smetabot.bot.session;
