/**
 * Webhook mode (BOT_UPDATES=webhook): the endpoint Telegram pushes updates to, checked against
 * BOT_WEBHOOK_SECRET, and the setWebhook registration at start. Several bot instances behind a load balancer
 * share one webhook; the updates go through the same pipeline as long polling ({@code telegram.WebhookIntake}).
 */
package ru.smetabot.bot.webhook;
