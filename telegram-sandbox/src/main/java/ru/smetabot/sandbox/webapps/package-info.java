/**
 * Mini Apps: opening a bot's {@code web_app} button gives the page the launch parameters a Telegram client
 * would, with {@code initData} signed by the bot's token (HMAC-SHA256, key = HMAC-SHA256("WebAppData", token)).
 */
package ru.smetabot.sandbox.webapps;
