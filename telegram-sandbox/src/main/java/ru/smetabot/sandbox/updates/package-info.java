/**
 * Per-bot update queues with Telegram's getUpdates semantics (offset, limit, allowed_updates, long poll),
 * and the rendering of sandbox objects into Bot API JSON shapes.
 */
package ru.smetabot.sandbox.updates;
