/**
 * Join requests: chat_join_request updates and the recovery sweep decide each request by its link's
 * policy, write the decision ({@code core.join_decisions}) before asking Telegram, record only what
 * Telegram confirms, complete open decisions with each sweep, and tell the owner.
 */
package ru.smetabot.bot.joinrequests;
