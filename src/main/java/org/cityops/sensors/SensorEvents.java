package org.cityops.sensors;

import java.time.Instant;

import org.cityops.cases.CaseRequest;

/**
 * What happens to alarms, published after commit.
 */
public final class SensorEvents {

	private SensorEvents() {
	}

	/** A new alarm for a device and rule. */
	public record AlarmRaised(long alarmId, String deviceId, String ruleCode, String severity, Double value,
			String unitCode, Instant at) {
	}

	/** An alarm cleared, by the readings or by an operator. */
	public record AlarmCleared(long alarmId, String deviceId, String ruleCode, String by, Instant at) {
	}

	/**
	 * The operator's verdict on an alarm: a true alarm, or a false one (then cleared).
	 */
	public record AlarmConfirmed(long alarmId, String deviceId, String ruleCode, boolean trueAlarm, String by,
			Instant at) {
	}

	/**
	 * An alarm that must become a case: a life-safety rule at once, or another once an
	 * operator confirmed it as a true alarm. The cases module reports it with channel
	 * SENSOR; {@code sourceRef} ({@code alarm:<id>}) makes the report idempotent.
	 */
	public record AlarmNeedsCase(long alarmId, String categoryCode, String description, double lon, double lat,
			String sourceRef, Instant at) implements CaseRequest {

		@Override
		public String channel() {
			return "SENSOR";
		}

	}

}
