package ru.smetabot.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package boundaries: the three HTTP faces (botapi, control, mtproto) sit on the domain (channels, dialogs,
 * accounts, faults, updates, state) and never on each other; the client knows only the application class.
 */
@AnalyzeClasses(packages = "ru.smetabot.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] FACES = {"..sandbox.botapi..", "..sandbox.control..", "..sandbox.mtproto..",
            "..sandbox.client.."};

    @ArchTest
    static final ArchRule stateIsTheCore = noClasses().that().resideInAPackage("..sandbox.state..")
            .should().dependOnClassesThat().resideInAnyPackage("..sandbox.updates..", "..sandbox.channels..",
                    "..sandbox.dialogs..", "..sandbox.accounts..", "..sandbox.faults..", "..sandbox.botapi..",
                    "..sandbox.control..", "..sandbox.mtproto..", "..sandbox.client..");

    @ArchTest
    static final ArchRule domainIgnoresTheHttpFaces = noClasses().that().resideInAnyPackage("..sandbox.state..",
                    "..sandbox.updates..", "..sandbox.channels..", "..sandbox.dialogs..", "..sandbox.accounts..",
                    "..sandbox.faults..")
            .should().dependOnClassesThat().resideInAnyPackage(FACES);

    /** Persistence reaches the other parts through SandboxState and StoredPart only, never an HTTP face. */
    @ArchTest
    static final ArchRule persistenceIgnoresTheHttpFaces = noClasses().that()
            .resideInAPackage("..sandbox.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(FACES);

    @ArchTest
    static final ArchRule botApiStandsAlone = noClasses().that().resideInAPackage("..sandbox.botapi..")
            .should().dependOnClassesThat().resideInAnyPackage("..sandbox.control..", "..sandbox.mtproto..",
                    "..sandbox.client..");

    @ArchTest
    static final ArchRule controlStandsAlone = noClasses().that().resideInAPackage("..sandbox.control..")
            .should().dependOnClassesThat().resideInAnyPackage("..sandbox.botapi..", "..sandbox.mtproto..",
                    "..sandbox.client..");

    @ArchTest
    static final ArchRule mtprotoStandsAlone = noClasses().that().resideInAPackage("..sandbox.mtproto..")
            .should().dependOnClassesThat().resideInAnyPackage("..sandbox.botapi..", "..sandbox.control..",
                    "..sandbox.client..");

    @ArchTest
    static final ArchRule clientNeedsNoServerInternals = noClasses().that().resideInAPackage("..sandbox.client..")
            .should().dependOnClassesThat().resideInAnyPackage("..sandbox.state..", "..sandbox.updates..",
                    "..sandbox.channels..", "..sandbox.dialogs..", "..sandbox.accounts..", "..sandbox.faults..",
                    "..sandbox.botapi..", "..sandbox.control..", "..sandbox.mtproto..");
}
