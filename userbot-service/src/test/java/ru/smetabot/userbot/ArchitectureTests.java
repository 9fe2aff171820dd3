package ru.smetabot.userbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The boundaries the README describes: the API (web, rooms, session) talks to Telegram only through
 * the gateway interface; the two gateways know nothing of each other or of the API; no field injection.
 */
@AnalyzeClasses(packages = "ru.smetabot.userbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String TDLIB = "ru.smetabot.userbot.tdlib..";
    private static final String SANDBOX = "ru.smetabot.userbot.sandbox..";
    private static final String[] API = {"ru.smetabot.userbot.web..", "ru.smetabot.userbot.rooms..", "ru.smetabot.userbot.session.."};

    @ArchTest
    static final ArchRule theApiUsesOnlyTheGatewayInterface = noClasses().that().resideInAnyPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(TDLIB, SANDBOX)
            .because("web, rooms and session must work with either gateway (TelegramGateway)");

    @ArchTest
    static final ArchRule tdlibKnowsNothingOfTheSandbox = noClasses().that().resideInAPackage(TDLIB)
            .should().dependOnClassesThat().resideInAPackage(SANDBOX);

    @ArchTest
    static final ArchRule theSandboxGatewayKnowsNothingOfTdlib = noClasses().that().resideInAPackage(SANDBOX)
            .should().dependOnClassesThat().resideInAPackage(TDLIB);

    @ArchTest
    static final ArchRule gatewaysDoNotReachIntoTheApi = noClasses().that().resideInAnyPackage(TDLIB, SANDBOX, "ru.smetabot.userbot.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(API)
            .because("the gateway is below the API: it reports failures as TelegramException, the API maps them to HTTP");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
