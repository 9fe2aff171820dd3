/**
 * Join requests: chat_join_request updates and the recovery sweep decide each request by its link's
 * policy, approve or decline it in Telegram, record the client once, and tell the owner.
 */
package ru.smetabot.bot.joinrequests;
