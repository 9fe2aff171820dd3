/**
 * The sandbox gateway: the same operations over HTTP against telegram-sandbox's MTProto side
 * (/sandbox/mtproto), for local runs and end-to-end tests. Never used in production.
 */
package ru.smetabot.userbot.sandbox;
