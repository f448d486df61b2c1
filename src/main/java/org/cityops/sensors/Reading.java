package org.cityops.sensors;

import java.time.Instant;

/**
 * One value of one metric from one device at one time.
 */
record Reading(String deviceId, Instant at, String metric, double value) {

}
