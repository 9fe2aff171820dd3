/**
 * Routing between instances: a request for an account is served by the instance holding the account's lease; any
 * other instance forwards it there once (same token, body and answer) or takes the account over when its holder's
 * lease ended.
 */
package ru.smetabot.userbot.routing;
