package org.cityops.cases;

import java.time.Instant;

/**
 * One line of a case's append-only history: who did what, when, from which status to
 * which, and why.
 */
public record HistoryEntry(Instant at, String actor, String role, String action, Status from, Status to, String note) {

}
