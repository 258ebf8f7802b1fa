package io.rcbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The allowed dependencies between rcbench's packages (docs: the flow and the table of allowed dependencies). The
 * flow is one-way: profile -> run -> record (metrics) -> verdict -> report, orchestrated by job/, with cli/ (the
 * composition root, {@code cli.Wiring}) wiring the concrete parts; the protocol stack is ddp <- rocketchat,
 * ddp <- workspace, and gatling drives users with ddp/rocketchat/run. Main classes only: tests may reach anywhere.
 */
@AnalyzeClasses(packages = "io.rcbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("io.rcbench.cli..")
        .layer("bench").definedBy("io.rcbench.bench..")
        .layer("job").definedBy("io.rcbench.job..")
        .layer("sut").definedBy("io.rcbench.sut..")
        .layer("capacity").definedBy("io.rcbench.capacity..")
        .layer("report").definedBy("io.rcbench.report..")
        .layer("verdict").definedBy("io.rcbench.verdict..")
        .layer("live").definedBy("io.rcbench.live..")
        .layer("health").definedBy("io.rcbench.health..")
        .layer("injector").definedBy("io.rcbench.injector..")
        .layer("run").definedBy("io.rcbench.run..")
        .layer("metrics").definedBy("io.rcbench.metrics..")
        .layer("profile").definedBy("io.rcbench.profile..")
        .layer("gatling").definedBy("io.rcbench.gatling..")
        .layer("rocketchat").definedBy("io.rcbench.rocketchat..")
        .layer("workspace").definedBy("io.rcbench.workspace..")
        .layer("ddp").definedBy("io.rcbench.ddp..")
        .layer("build").definedBy("io.rcbench.build..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("job").mayOnlyBeAccessedByLayers("cli", "bench")
        .whereLayer("sut").mayOnlyBeAccessedByLayers("cli", "bench", "job")
        .whereLayer("capacity").mayOnlyBeAccessedByLayers("cli", "bench", "job", "report")
        .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "bench", "job")
        .whereLayer("verdict").mayOnlyBeAccessedByLayers("cli", "bench", "job", "sut", "report")
        .whereLayer("live").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("health").mayOnlyBeAccessedByLayers("cli", "bench", "job", "verdict", "live", "run", "report")
        .whereLayer("injector").mayOnlyBeAccessedByLayers("cli", "bench", "job")
        .whereLayer("gatling").mayOnlyBeAccessedByLayers("cli", "bench")
        .whereLayer("rocketchat").mayOnlyBeAccessedByLayers("cli", "bench", "sut", "gatling")
        .whereLayer("workspace").mayOnlyBeAccessedByLayers("cli", "bench", "sut")
        .whereLayer("ddp").mayOnlyBeAccessedByLayers("cli", "bench", "sut", "gatling", "rocketchat", "workspace");

    /**
     * The orchestration reaches the load generator only through run.LoadDriver and the target only through
     * sut.TargetSession: no Gatling, no Rocket.Chat client, no DDP, no workspace in job/.
     */
    @ArchTest
    static final ArchRule jobNamesNoProtocol = noClasses().that().resideInAPackage("io.rcbench.job..")
        .should().dependOnClassesThat().resideInAnyPackage("io.rcbench.gatling..", "io.rcbench.rocketchat..",
            "io.rcbench.ddp..", "io.rcbench.workspace..");

    /** The plan, the recorders and the capacity model know nothing of who runs them. */
    @ArchTest
    static final ArchRule pureCore = noClasses().that().resideInAnyPackage("io.rcbench.run..", "io.rcbench.metrics..",
            "io.rcbench.profile..", "io.rcbench.capacity..", "io.rcbench.verdict..")
        .should().dependOnClassesThat().resideInAnyPackage("io.rcbench.gatling..", "io.rcbench.rocketchat..",
            "io.rcbench.ddp..", "io.rcbench.workspace..", "io.rcbench.job..", "io.rcbench.cli..", "io.rcbench.sut..");

    /** Only the Gatling adapter (and the simulations) touch Gatling itself; the report reads a run folder only. */
    @ArchTest
    static final ArchRule gatlingStaysInItsAdapter = noClasses().that().resideOutsideOfPackages("io.rcbench.gatling..",
            "io.rcbench.simulations..")
        .should().dependOnClassesThat().resideInAnyPackage("io.gatling..");

    @ArchTest
    static final ArchRule topLevelFreeOfCycles = slices().matching("io.rcbench.(*)..").should().beFreeOfCycles();

    /**
     * The workspace's root package assembles its parts (Workspace wires store, services, DDP, REST): the parts never
     * name it, so the root and its sub-packages cannot form a cycle. Shared names live in the leaf workspace.info.
     * (javac inlines String constants, so a constant read leaves no trace for this rule: keep them in the leaf.)
     */
    @ArchTest
    static final ArchRule workspacePartsDoNotNameTheAssembly = noClasses().that().resideInAPackage("io.rcbench.workspace.*..")
        .should().dependOnClassesThat().resideInAPackage("io.rcbench.workspace");

    @ArchTest
    static final ArchRule workspaceFreeOfCycles = slices().matching("io.rcbench.workspace.(*)..")
        .should().beFreeOfCycles();
}
