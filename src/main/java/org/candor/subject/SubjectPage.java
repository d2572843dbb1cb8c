package org.candor.subject;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A subject with its rating distribution, as its public page shows it.
 *
 * @param id internal key, used to load the page's reviews; never rendered
 * @param stars counts of published reviews with 1..5 stars, index 0 holding one star
 */
public record SubjectPage(long id, SubjectSummary summary, List<Integer> stars) {

    /** One bar of the rating distribution. */
    public record Band(int stars, int count, int percent) {
    }

    /** The distribution from five stars down to one, each with its share (0..100) of the published reviews. */
    public List<Band> bands() {
        int total = summary.reviewCount();
        return IntStream.iterate(5, n -> n >= 1, n -> n - 1)
                .mapToObj(n -> {
                    int count = stars.get(n - 1);
                    return new Band(n, count, total == 0 ? 0 : Math.round(100f * count / total));
                })
                .toList();
    }
}
