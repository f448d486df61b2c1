package org.cityops.demo;

import org.cityops.sensors.DeviceRegistration;
import org.cityops.sensors.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.grid.Location;
import org.cityops.shared.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The town's sensor mix for the demo — 7,182 devices as "智联普陀" reports for Taopu: smoke
 * detectors, e-bike charging points, manhole covers, flood points, door and water-meter
 * sensors in 600 homes of elderly people living alone, sprinkler pressure in bicycle
 * garages — placed at random inside the demo grid's units, indoor ones through one
 * gateway per unit, through the same validated registration an administrator uses. Only
 * on an empty registry, in demo mode.
 */
@Component
@ConditionalOnProperty(name = { "cityops.demo", "cityops.sensors.demo-devices" }, havingValue = "true",
		matchIfMissing = true)
class DemoSensors {

	private static final Logger log = LoggerFactory.getLogger(DemoSensors.class);

	/** Type, id prefix, how many, indoor (through a gateway). */
	static final Object[][] MIX = { { "SMOKE", "SMK", 3500, true }, { "EBIKE_CHARGER", "EBK", 900, false },
			{ "MANHOLE_TILT", "MHC", 1200, false }, { "WATER_LEVEL", "WLV", 40, false }, { "DOOR", "DOR", 600, true },
			{ "WATER_METER", "WTR", 600, true }, { "SPRINKLER", "SPK", 342, true } };

	private final Grid grid;

	private final Registry registry;

	private final DeviceRegistration registration;

	DemoSensors(Grid grid, Registry registry, DeviceRegistration registration) {
		this.grid = grid;
		this.registry = registry;
		this.registration = registration;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (this.registry.deviceCount() > 0) {
			return;
		}
		List<Location> places = places(7182);
		if (places.size() < 7182) {
			log.warn("No demo sensors: the grid has too few units to place them");
			return;
		}
		Map<String, String> gateways = new LinkedHashMap<>();
		for (Location p : places) {
			gateways.putIfAbsent(p.unit().code(), "GW-" + p.unit().code().substring(9));
		}
		gateways.forEach((unit, id) -> this.registration.gateway(id, "网格 " + unit + " 物联网关"));
		List<DeviceRegistration.NewDevice> devices = new ArrayList<>();
		Random random = new Random(7182);
		int next = 0;
		for (Object[] kind : MIX) {
			for (int i = 1; i <= (Integer) kind[2]; i++) {
				Location p = places.get(next++);
				boolean home = kind[0].equals("DOOR") || kind[0].equals("WATER_METER");
				boolean indoor = (Boolean) kind[3];
				int household = (i - 1) % 600 + 1;
				devices.add(new DeviceRegistration.NewDevice(String.format("%s-%05d", kind[1], i), (String) kind[0],
						p.point().lon(), p.point().lat(), indoor ? (1 + random.nextInt(30)) + "号楼" : null,
						home ? "独居老人户 " + household : null,
						java.time.LocalDate.of(2024, 1 + random.nextInt(12), 1).toString(),
						indoor ? gateways.get(p.unit().code()) : null));
			}
		}
		int registered = this.registration.register(devices);
		log.info("Demo sensors registered: {} devices, {} gateways", registered, gateways.size());
	}

	/** Random points that fall in a unit of the demo grid (empty without a grid). */
	private List<Location> places(int count) {
		List<Location> out = new ArrayList<>(count);
		Random random = new Random(31);
		int tries = 0;
		while (out.size() < count && tries++ < count * 200) {
			GeoPoint point = new GeoPoint(121.30 + random.nextDouble() * 0.18, 31.20 + random.nextDouble() * 0.13);
			try {
				Location location = this.grid.locate(point);
				if (location.hasUnit()) {
					out.add(location);
				}
			}
			catch (GridNotFound ex) {
				// outside the jurisdiction, or no grid yet
			}
		}
		return out;
	}

}
