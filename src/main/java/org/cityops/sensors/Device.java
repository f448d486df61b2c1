package org.cityops.sensors;

import java.time.LocalDate;

/**
 * A registered sensor, placed on the grid.
 *
 * @param household for sensors in a home (an elderly person living alone), the household
 * @param gatewayId the gateway it reports through, if any
 */
public record Device(String id, String typeCode, double lon, double lat, String unitCode, String compoundCode,
		String building, String household, LocalDate installedOn, String gatewayId) {

}
