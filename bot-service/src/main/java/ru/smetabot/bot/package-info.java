/**
 * bot-service: long-polls the Bot API (or receives its webhook pushes, BOT_UPDATES=webhook) and serves the
 * contractor's menus. Sub-packages are features (channels, stats, members, invites, publishing, session).
 */
package ru.smetabot.bot;
