package com.merchantmetrics.ingest;

import java.util.Locale;
import java.util.StringJoiner;

/** The time each phase of an import took, for its log line ("read … 2.10 s, checked keys 0.31 s, …"). */
final class PhaseClock {

    private final StringJoiner laps = new StringJoiner(", ");
    private long last = System.nanoTime();

    void lap(String phase) {
        long now = System.nanoTime();
        laps.add(String.format(Locale.ROOT, "%s %.2f s", phase, (now - last) / 1e9));
        last = now;
    }

    @Override
    public String toString() {
        return laps.toString();
    }
}
