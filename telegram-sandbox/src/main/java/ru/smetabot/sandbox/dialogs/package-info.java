/**
 * Private chats between users and bots: messages both ways, documents, keyboards, edits, inline button
 * presses (callback_query) and their answers.
 */
package ru.smetabot.sandbox.dialogs;
