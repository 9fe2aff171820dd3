/** Test support shared by the userbot's tests: a database per Spring context. */
package ru.smetabot.userbot.testing;
