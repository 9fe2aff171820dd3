/**
 * The TDLib gateway: libtdjson through JNA, one receiver thread for every client, replies
 * correlated by {@code @extra}, one client and encrypted database directory per account.
 */
package ru.smetabot.userbot.tdlib;
