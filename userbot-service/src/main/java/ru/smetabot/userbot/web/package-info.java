/**
 * The HTTP edge of the API: bearer-token check, body size limit, and every failure as an
 * RFC 9457 problem detail.
 */
package ru.smetabot.userbot.web;
