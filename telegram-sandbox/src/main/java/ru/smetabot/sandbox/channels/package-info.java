/**
 * Channels as Telegram runs them: owner and admins, members and leaving, posts and view counting,
 * invite links and join requests, and the updates (chat_member, channel_post...) they send to admin bots.
 */
package ru.smetabot.sandbox.channels;
