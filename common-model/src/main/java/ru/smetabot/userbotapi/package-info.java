/**
 * The userbot REST API contract: request/response records, the {@link ru.smetabot.userbotapi.UserbotApi}
 * HTTP interface bot and worker call, and the typed exceptions its errors become.
 */
package ru.smetabot.userbotapi;
