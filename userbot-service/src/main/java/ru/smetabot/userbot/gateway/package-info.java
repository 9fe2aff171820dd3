/**
 * What the service asks of Telegram, as one interface ({@link ru.smetabot.userbot.gateway.TelegramGateway})
 * with two implementations (tdlib, sandbox), and the failures it reports.
 */
package ru.smetabot.userbot.gateway;
