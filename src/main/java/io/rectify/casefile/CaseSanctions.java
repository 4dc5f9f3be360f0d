package io.rectify.casefile;

import java.time.LocalDate;
import java.util.List;

import io.rectify.directory.Actor;

/** The sanctions recorded on a case, for a caller allowed to read them (the sanction module knows). */
public interface CaseSanctions {

    List<Line> visibleTo(Actor actor, RectificationCase c);

    record Line(String personName, String post, String orgCode, String responsibility, String type,
                String decisionNumber, LocalDate decisionDate, LocalDate periodEnds, boolean executed) {
    }
}
