/**
 * Using the sandbox from tests of any module: {@link ru.smetabot.sandbox.client.SandboxServer} starts it
 * in-process, {@link ru.smetabot.sandbox.client.SandboxClient} drives the control and MTProto APIs (no Spring needed).
 */
package ru.smetabot.sandbox.client;
