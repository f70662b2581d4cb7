package org.bawaba.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a request could have changed at a service: the row counts of its database ({@link RowCounts}) and
 * the records on its Kafka topics ({@link EventCounts}: {@code bawaba.<service>.*}, and {@code bawaba.agency.*}
 * for an agency's service). A refused request must leave both as they were.
 */
final class ServiceState implements AutoCloseable {

    /** Rows per table and records per topic at one moment. */
    record Snapshot(Map<String, Long> rows, Map<String, Long> events) {

        /** What differs from {@code before}, e.g. {@code complaint 3→4}; empty when nothing. */
        List<String> changesSince(Snapshot before) {
            List<String> changes = new ArrayList<>();
            diff(before.rows(), rows, changes);
            diff(before.events(), events, changes);
            return changes;
        }

        private static void diff(Map<String, Long> before, Map<String, Long> after, List<String> changes) {
            Set<String> names = new TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                Long was = before.get(name);
                Long is = after.get(name);
                if (!java.util.Objects.equals(was, is)) {
                    changes.add(name + " " + (was == null ? "-" : was) + "→" + (is == null ? "-" : is));
                }
            }
        }
    }

    private final Map<String, RowCounts> databases = new HashMap<>();

    private EventCounts events;

    Snapshot take(String service) {
        var component = SuiteLayout.current().component(service).orElse(null);
        Map<String, Long> rows = Map.of();
        if (component != null && component.database() != null) {
            RowCounts counts = databases.computeIfAbsent(service, s -> new RowCounts(component.database()));
            try {
                rows = counts.count();
            } catch (IllegalStateException raced) {
                rows = counts.count(); // a table dropped between listing and counting: once more
            }
        }
        if (component == null) {
            return new Snapshot(rows, Map.of());
        }
        if (events == null) {
            events = new EventCounts();
        }
        List<String> prefixes = component.agencyService() ? List.of("bawaba.agency.") : List.of("bawaba." + service + ".");
        return new Snapshot(rows, events.count(prefixes));
    }

    /**
     * The state once the service has settled: the same twice in a row 300 ms apart (an accepted request's
     * events leave through the outbox a moment after its answer), within 5 s.
     */
    Snapshot settled(String service) {
        Snapshot last = take(service);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            sleep(300);
            Snapshot now = take(service);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** Tables left uncounted because of their size, per service (for the summary). */
    Map<String, List<String>> uncounted() {
        Map<String, List<String>> tables = new HashMap<>();
        databases.forEach((service, counts) -> {
            if (!counts.uncounted().isEmpty()) {
                tables.put(service, List.copyOf(counts.uncounted()));
            }
        });
        return tables;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        databases.values().forEach(RowCounts::close);
        if (events != null) {
            events.close();
        }
    }
}
