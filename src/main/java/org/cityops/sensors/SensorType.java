package org.cityops.sensors;

import java.util.List;
import java.util.Optional;

/**
 * A kind of sensor: what it measures, within which range a value is believable, and how
 * often it reports.
 */
public record SensorType(String code, String name, List<Metric> metrics, int heartbeatSeconds) {

	/** One measured quantity and its believable range. */
	public record Metric(String name, String unit, double min, double max) {
	}

	Optional<Metric> metric(String name) {
		return this.metrics.stream().filter((m) -> m.name().equals(name)).findFirst();
	}

}
