package org.cityops.cases;

import java.time.Instant;

/**
 * One line of a case's append-only history: who did what, when, from which status to
 * which, and why — the note is text for people, never read back — with the facts the line
 * is about as fields of their own: the case's department and level when it was written,
 * the stage an overdue mark is for, whether the platform did it itself, and a
 * postponement's working days and whether it was approved.
 */
record HistoryEntry(Instant at, String actor, String role, String action, Status from, Status to, String note,
		String department, Level level, Stage stage, boolean automatic, Integer days, Boolean approved) {

}
