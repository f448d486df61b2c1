package org.cityops.sensors;

/**
 * An alarm rule of a sensor type, kept as data.
 *
 * @param kind THRESHOLD (a value past {@code threshold} for {@code seconds}), EVENT (a
 * value equal to {@code threshold}), RATE (a change faster than {@code threshold} per
 * {@code seconds}), NO_DATA (silent for {@code seconds}), INACTIVITY (no value meeting
 * the condition for {@code seconds})
 * @param clearThreshold hysteresis: a raised THRESHOLD or RATE alarm clears only past
 * this
 * @param caseMode AUTO (a case at once), CONFIRM (after an operator confirms), NONE
 * @param flapLimit more raises than this within {@code flapSeconds} are suppressed
 */
record Rule(long id, String typeCode, String code, String name, String kind, String metric, String operator,
		Double threshold, Double clearThreshold, int seconds, String severity, String caseMode, String categoryCode,
		int flapLimit, int flapSeconds) {

	boolean holds(double value) {
		double t = this.threshold;
		return switch (this.operator) {
			case ">" -> value > t;
			case ">=" -> value >= t;
			case "<" -> value < t;
			case "<=" -> value <= t;
			default -> value == t;
		};
	}

	/** Whether a value is back to normal for a raised alarm, with hysteresis. */
	boolean clears(double value) {
		if (this.clearThreshold == null) {
			return !holds(value);
		}
		return switch (this.operator) {
			case ">", ">=" -> value < this.clearThreshold;
			case "<", "<=" -> value > this.clearThreshold;
			default -> !holds(value);
		};
	}

}
