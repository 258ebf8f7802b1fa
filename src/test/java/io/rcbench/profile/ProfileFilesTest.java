package io.rcbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped profiles/ folder: every file loads, claims match their sources, mix levels are ordered. */
class ProfileFilesTest {
    static final Path DIR = Path.of("profiles");
    static final List<String> SEED_PROFILES = List.of("minimal-vps", "recommended-vps", "raspberry-pi", "bare-metal",
        "sizing-vps", "sizing-small-ha", "sizing-small-microservices", "sizing-large-microservices", "scaled-threshold");
    private final ProfileLoader loader = new ProfileLoader(DIR);

    @Test
    void everyFileInProfilesValidates() throws Exception {
        List<Path> files = loader.profileFiles();
        assertThat(files).extracting(p -> p.getFileName().toString().replace(".yaml", ""))
            .containsAll(SEED_PROFILES).contains("ci-smoke", "base");
        for (Path f : files) {
            assertThat(loader.validate(f)).as(f.toString()).isEmpty();
        }
        assertThat(loader.validate(DIR.resolve(ProfileLoader.MIXES_FILE))).isEmpty();
    }

    @Test
    void everyRunnableProfileBindsCompletely() throws Exception {
        for (Path f : loader.profileFiles()) {
            var r = loader.resolve(f.toString(), List.of());
            if (r.isAbstract()) {
                assertThat(r.profile()).isNull();
                continue;
            }
            Profile p = r.profile();
            assertThat(p.slos().latency()).containsKeys("sendMessage", "delivery", "login", "upload.image");
            assertThat(p.slos().latency().get("sendMessage").limits()).extracting(Slos.PercentileLimit::label)
                .containsExactly("p95", "p99");
            assertThat(p.phases().holdSeconds()).isPositive();
        }
    }

    @Test
    void seedProfilesStateTheirClaimWithSourcesAndRunIt() throws Exception {
        for (String name : SEED_PROFILES) {
            Profile p = loader.load(name);
            Limits l = p.limits().orElseThrow(() -> new AssertionError(name + " has no limits"));
            assertThat(l.sources()).as(name).isNotEmpty();
            assertThat(p.population().users()).as(name + " runs the documented users").isEqualTo(l.users());
            l.activeUsers().ifPresentOrElse(
                a -> assertThat(p.population().activeUsers()).as(name).isEqualTo(a),
                () -> assertThat(p.assumptions()).as(name + " says what it assumes for the blank active users")
                    .containsKey("population.activeUsers"));
            l.mix().ifPresentOrElse(m -> assertThat(p.mix().level()).as(name).isEqualTo(m),
                () -> assertThat(p.assumptions()).as(name).containsKey("mix.level"));
            assertThat(p.assumptions()).as(name).containsKey("population.idleConnectedUsers");
        }
    }

    @Test
    void documentedFiguresMatchTheSeeds() throws Exception {
        assertThat(loader.load("minimal-vps").envelope()).isEqualTo(new Envelope(1, 2.0, 1024,
            new Envelope.Disk(30, Envelope.Disk.Kind.SSD), 1,
            new Envelope.Database(Envelope.Database.Placement.LOCAL, java.util.OptionalLong.empty(),
                java.util.OptionalDouble.empty())));
        Profile pi = loader.load("raspberry-pi");
        assertThat(pi.envelope().cores()).isEqualTo(4);
        assertThat(pi.envelope().memoryMb()).isEqualTo(1024);
        assertThat(pi.envelope().database().placement()).isEqualTo(Envelope.Database.Placement.EXTERNAL);
        Profile bare = loader.load("bare-metal");
        assertThat(bare.envelope().clockGhz()).isEqualTo(1.7);
        assertThat(bare.envelope().disk().kind()).isEqualTo(Envelope.Disk.Kind.HDD);
        assertThat(loader.load("sizing-vps").limits().orElseThrow().usersFrom()).isZero();
        assertThat(loader.load("scaled-threshold").limits().orElseThrow().users()).isEqualTo(2000);
        assertThat(loader.load("sizing-large-microservices").envelope().cores()).isEqualTo(233);
    }

    /** Every quoted source line is really in the seed file it names (skipped when the seeds are not beside the repo). */
    @Test
    void quotesAppearVerbatimInTheirSeedFiles() throws Exception {
        Path seeds = Path.of("..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "no ../shared/seeds beside the repository");
        for (String name : SEED_PROFILES) {
            for (SourceLine s : loader.load(name).limits().orElseThrow().sources()) {
                String text = normalize(Files.readString(seeds.resolve(s.file())));
                assertThat(text).as(name + " quotes " + s.file()).contains(normalize(s.quote()));
            }
        }
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    @Test
    void mixLevelsGrowFromLimitedToHeavy() throws Exception {
        Map<String, ActivityMix> mixes = loader.mixes();
        assertThat(mixes).containsOnlyKeys("limited", "moderate", "heavy");
        List<ToDoubleFunction<ActivityMix>> rates = List.of(ActivityMix::messagesPerActiveUserPerMinute,
            m -> m.history().roomOpensPerActiveUserPerMinute(), m -> m.reads().perActiveUserPerMinute(),
            m -> m.uploads().share(), m -> m.downloads().perUpload(), m -> m.webhooks().perMinute(100),
            m -> m.bots().commandShare());
        for (var rate : rates) {
            double l = rate.applyAsDouble(mixes.get("limited"));
            double mo = rate.applyAsDouble(mixes.get("moderate"));
            double h = rate.applyAsDouble(mixes.get("heavy"));
            assertThat(l).isLessThan(mo);
            assertThat(mo).isLessThan(h);
        }
    }

    @Test
    void ciSmokeIsSmallAndHasEnoughSamplesForItsPercentiles() throws Exception {
        Profile p = loader.load("ci-smoke");
        assertThat(p.population()).isEqualTo(new Population(150, 90, 10));
        assertThat(p.envelope().wholeCores()).isEqualTo(1);
        assertThat(p.envelope().memoryMb()).isEqualTo(512);
        assertThat(p.phases().warmupSeconds() + p.phases().holdSeconds()).isLessThanOrEqualTo(60);
        double sends = p.mix().messagesPerSecond(90) * (1 - p.mix().uploads().share()) * p.phases().holdSeconds();
        assertThat(sends).isGreaterThan(p.slos().minSamples(99));
        // reconnects at a real client's rate give too few logins in a 45 s hold: ci-smoke reports login, unjudged
        assertThat(p.slos().latency().get("login").required()).isFalse();
    }

    @Test
    void ciSmokeUsersAreNoBusierThanTheDocumentedMixes() throws Exception {
        // a simulated user busier than any real one waits on itself, and the corrected figures measure the injector
        Map<String, ActivityMix> mixes = loader.mixes();
        ActivityMix ci = loader.load("ci-smoke").mix();
        List<ToDoubleFunction<ActivityMix>> perUser = List.of(ActivityMix::messagesPerActiveUserPerMinute,
            m -> m.history().roomOpensPerActiveUserPerMinute(), m -> m.reads().perActiveUserPerMinute(),
            m -> m.reconnects().perConnectedUserPerHour(), m -> m.uploads().share(), m -> m.downloads().perUpload());
        for (var rate : perUser) {
            assertThat(rate.applyAsDouble(ci)).isBetween(rate.applyAsDouble(mixes.get("limited")),
                rate.applyAsDouble(mixes.get("heavy")));
        }
    }

    @Test
    void everyRunnableProfileExpectsEnoughSamplesForItsRequiredSlos() throws Exception {
        for (Path f : loader.profileFiles()) {
            var r = loader.resolve(f.toString(), List.of());
            if (r.profile() != null) {
                assertThat(SampleForecast.warnings(r.profile())).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void aHoldTooShortForThePercentilesIsForecast() throws Exception {
        Profile p = loader.load("ci-smoke", List.of("hold.seconds=10"));
        assertThat(SampleForecast.expected(p).get("sendMessage")).isCloseTo(90 * 2 / 60.0 * 10 * 0.92, org.assertj.core.data.Offset.offset(0.01));
        assertThat(SampleForecast.warnings(p)).anySatisfy(w -> assertThat(w).startsWith("sendMessage p99: about 28 samples expected in the 10 s hold, 100 needed"));
        assertThat(SampleForecast.warnings(p)).noneMatch(w -> w.startsWith("upload.")); // optional SLOs are not forecast
    }

    @Test
    void holdNeededGrowsAsAProfileIsScaledDown() throws Exception {
        Profile p = loader.load("minimal-vps");
        long documented = SampleForecast.holdSecondsNeeded(p).orElseThrow();
        assertThat(documented).isLessThanOrEqualTo(p.phases().holdSeconds());
        Profile small = p.scaledTo(10);
        long needed = SampleForecast.holdSecondsNeeded(small).orElseThrow();
        assertThat(needed).isGreaterThan(documented);
        Profile lengthened = loader.load("minimal-vps", List.of("population.users=40", "population.activeUsers=10",
            "population.idleConnectedUsers=15", "hold.seconds=" + needed));
        assertThat(SampleForecast.warnings(lengthened)).isEmpty();
        Profile shorter = loader.load("minimal-vps", List.of("population.users=40", "population.activeUsers=10",
            "population.idleConnectedUsers=15", "hold.seconds=" + (needed - 30)));
        assertThat(SampleForecast.warnings(shorter)).isNotEmpty();
    }
}
