package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The sample: stratified by region and level, and the same from the same seed. */
class SamplingTest {

    private static List<Sampling.Site> population() {
        List<Sampling.Site> sites = new ArrayList<>();
        long id = 1;
        for (String region : List.of("NC", "GZ", "JA")) {
            for (int i = 0; i < 10; i++) {
                sites.add(new Sampling.Site(id++, "O" + id, region, SiteLevel.DEPARTMENT));
            }
            for (int i = 0; i < 20; i++) {
                sites.add(new Sampling.Site(id++, "O" + id, region, SiteLevel.COUNTY));
            }
            sites.add(new Sampling.Site(id++, "O" + id, region, SiteLevel.PORTAL));
        }
        return sites;
    }

    @Test
    void theSameSeedGivesTheSameSampleWhateverTheOrderTheSitesWereRead() {
        List<Sampling.Site> sites = population();
        List<Sampling.Site> shuffled = new ArrayList<>(sites);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(Sampling.draw(shuffled, 28, 42)).isEqualTo(Sampling.draw(sites, 28, 42));
        assertThat(Sampling.draw(sites, 28, 43)).isNotEqualTo(Sampling.draw(sites, 28, 42));
    }

    @Test
    void everyStratumGetsItsShare() {
        List<Sampling.Site> sample = Sampling.draw(population(), Sampling.sizeOf(93, 0.3), 42);
        assertThat(sample).hasSize(28);
        Map<String, Long> byStratum = sample.stream().collect(Collectors.groupingBy(Sampling.Site::stratum, Collectors.counting()));
        for (String region : List.of("NC", "GZ", "JA")) {
            assertThat(byStratum.get(region + "/DEPARTMENT")).isEqualTo(3);
            assertThat(byStratum.get(region + "/COUNTY")).isEqualTo(6);
        }
        // 28 - 27 = one seat left for the three portal strata (0.3 each): the first by name
        assertThat(byStratum.getOrDefault("GZ/PORTAL", 0L) + byStratum.getOrDefault("JA/PORTAL", 0L)
                + byStratum.getOrDefault("NC/PORTAL", 0L)).isEqualTo(1);
    }

    @Test
    void theWholePopulationIsASampleOfRatioOne() {
        assertThat(Sampling.draw(population(), Sampling.sizeOf(93, 1.0), 1)).hasSize(93);
    }

    @Test
    void aSampleLargerThanThePopulationIsRefused() {
        assertThatThrownBy(() -> Sampling.draw(population(), 94, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioTakesAtLeastOneSiteRoundedUp() {
        assertThat(Sampling.sizeOf(7, 0.3)).isEqualTo(3);
        assertThat(Sampling.sizeOf(10, 0.3)).isEqualTo(3);
        assertThat(Sampling.sizeOf(2, 0.01)).isEqualTo(1);
        assertThat(Sampling.sizeOf(0, 0.3)).isZero();
    }
}
