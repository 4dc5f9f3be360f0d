package io.rectify.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;

/** The sanctions recorded on a case, for a caller allowed to read them (the sanction module knows). */
public interface CaseSanctions {

    List<Line> visibleTo(Actor actor, RectificationCase c);

    /** The sanctions of several cases at once, by case id, each case under the same rule as above. */
    default Map<String, List<Line>> visibleTo(Actor actor, List<RectificationCase> cases) {
        Map<String, List<Line>> byCase = new LinkedHashMap<>();
        cases.forEach(c -> byCase.put(c.id(), visibleTo(actor, c)));
        return byCase;
    }

    record Line(String personName, String post, String orgCode, String responsibility, String type,
                String decisionNumber, LocalDate decisionDate, LocalDate periodEnds, boolean executed) {
    }
}
