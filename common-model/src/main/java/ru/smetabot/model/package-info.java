/**
 * The data model shared by bot, userbot and worker: one place for the schema's entities and
 * repositories. Each sub-package owns one table family of ARCHITECTURE §3.
 */
package ru.smetabot.model;
