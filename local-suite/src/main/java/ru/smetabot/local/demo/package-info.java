/**
 * The guided demo of {@code ./run-local}: a loopback HTTP endpoint the sandbox page's "▶ Демо" button reaches
 * (through the sandbox), and the script that fills the suite the way people would: an owner who connects their
 * account, a room with files, an invite link, two clients who join and read.
 */
package ru.smetabot.local.demo;
