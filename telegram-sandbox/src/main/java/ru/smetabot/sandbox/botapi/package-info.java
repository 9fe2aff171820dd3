/**
 * The Bot API at /bot{token}/{method}: request parsing (JSON, form, multipart), the supported methods,
 * long-polled getUpdates and Telegram's error shape {"ok":false,"error_code":N,"description":"..."}.
 */
package ru.smetabot.sandbox.botapi;
