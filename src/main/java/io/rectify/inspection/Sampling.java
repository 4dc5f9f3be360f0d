package io.rectify.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stratified random sample that can be shown to be random: the sites are grouped by region and
 * level, each group gets its share of the sample by the largest-remainder method (at least the
 * whole part of ratio × its size; the seats left over go to the groups with the largest
 * fractions, ties by the group's name), and within a group the sites, ordered by id, are drawn by
 * a seeded shuffle. The same sites, ratio and seed give the same sample, in whatever order the
 * sites were read.
 */
public final class Sampling {

    private Sampling() {
    }

    /** A site as the sampling sees it. */
    public record Site(long websiteId, String orgCode, String regionCode, SiteLevel level) {
        String stratum() {
            return regionCode + "/" + level;
        }
    }

    /** How many a ratio takes of a population: ratio × size rounded up, at least one of a non-empty population. */
    public static int sizeOf(int population, double ratio) {
        if (population == 0) {
            return 0;
        }
        return (int) Math.min(population, Math.max(1, Math.ceil(population * ratio - 1e-9)));
    }

    /** Draws {@code size} of the sites (at most all of them), stratified and reproducible from the seed. */
    public static List<Site> draw(List<Site> sites, int size, long seed) {
        if (size > sites.size()) {
            throw new IllegalArgumentException("a sample of " + size + " from " + sites.size() + " sites");
        }
        Map<String, List<Site>> strata = sites.stream()
                .collect(Collectors.groupingBy(Site::stratum, TreeMap::new, Collectors.toList()));
        double ratio = sites.isEmpty() ? 0 : (double) size / sites.size();
        Map<String, Integer> seats = new TreeMap<>();
        List<Map.Entry<String, Double>> fractions = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, List<Site>> stratum : strata.entrySet()) {
            double exact = stratum.getValue().size() * ratio;
            int whole = (int) Math.floor(exact + 1e-9);
            seats.put(stratum.getKey(), whole);
            given += whole;
            fractions.add(Map.entry(stratum.getKey(), exact - whole));
        }
        fractions.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < size && i < fractions.size(); i++) {
            String key = fractions.get(i).getKey();
            if (seats.get(key) < strata.get(key).size()) {
                seats.merge(key, 1, Integer::sum);
                given++;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Site> sample = new ArrayList<>(size);
        for (Map.Entry<String, List<Site>> stratum : strata.entrySet()) {
            List<Site> ordered = new ArrayList<>(stratum.getValue());
            ordered.sort(Comparator.comparingLong(Site::websiteId));
            int take = seats.get(stratum.getKey());
            // the first `take` of a Fisher-Yates shuffle
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(ordered.size() - i);
                Site swap = ordered.get(i);
                ordered.set(i, ordered.get(j));
                ordered.set(j, swap);
                sample.add(ordered.get(i));
            }
        }
        sample.sort(Comparator.comparingLong(Site::websiteId));
        return sample;
    }
}
