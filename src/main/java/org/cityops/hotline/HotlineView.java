package org.cityops.hotline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order as the API and pages show it, the caller always masked. For one order also its
 * conversation log and callbacks.
 *
 * @param actions what the viewer may do to it now
 */
record HotlineView(long id, String number, OrderStatus status, OrderType type, String typeLabel, boolean urgent,
		boolean confidential, Instant receivedAt, CallerData.Caller caller, String address, String content,
		String centreCategory, String source, int round, Place place, List<Map<String, Object>> suggestions,
		String categoryCode, Long caseId, String caseNumber, String departmentCode, Deadlines deadlines, String complex,
		String returnReason, String returnNote, String reply, List<String> actions, List<LogLine> log,
		List<Map<String, Object>> callbacks) {

	/**
	 * Where the order is; {@code match} says how: EXACT, INTERPOLATED, COMPOUND or
	 * OPERATOR.
	 */
	public record Place(Double lon, Double lat, String match, String unit) {
	}

	/**
	 * The deadlines and how they stand. {@code next} is the deadline that matters now
	 * (FIRST_CONTACT or CONCLUDE), {@code workingMinutesLeft} the working time to it
	 * (negative when past), {@code state} OK, NEAR, OVERDUE or DONE.
	 */
	public record Deadlines(Instant firstContactDue, Instant firstContactAt, Instant firstContactEnteredAt,
			Instant concludeDue, Instant concludedAt, Instant rehandleDue, Boolean concludedOnTime, String next,
			Instant nextDue, Long workingMinutesLeft, String state) {
	}

	/** One line of the conversation log. */
	public record LogLine(Instant at, String kind, String by, String method, String text, Long caseId) {
	}

}
