/**
 * bot-service: long-polls the Bot API and serves the contractor's menus. Sub-packages are
 * features (channels, stats, members, invites, publishing, session).
 */
package ru.smetabot.bot;
