package com.merchantmetrics.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems with counts; keeps the first {@value #KEPT} in detail so memory stays bounded. */
public final class Problems {

    public static final int KEPT = 10_000;

    private final List<Problem> kept = new ArrayList<>();
    private long errors;
    private long warnings;

    public void add(Problem problem) {
        if (problem.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(kept);
    }
}
