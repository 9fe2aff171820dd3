/**
 * userbot-service: Telegram user sessions (TDLib, or the sandbox in development) behind an internal
 * REST API. Sub-packages: session, rooms, tdlib (the gateway), sandbox (the sandbox gateway).
 */
package ru.smetabot.userbot;
