package org.cityops.sensors;

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
 * gateway per unit. Only on an empty registry, in demo mode.
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

	private final JdbcTemplate jdbc;

	private final Registry registry;

	private final Clock clock;

	DemoSensors(Grid grid, JdbcTemplate jdbc, Registry registry, Clock clock) {
		this.grid = grid;
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		Integer devices = this.jdbc.queryForObject("select count(*) from sensor_device", Integer.class);
		if (devices == null || devices > 0) {
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
		this.jdbc.batchUpdate("insert into sensor_gateway (id, name, unit_code, created_at) values (?, ?, ?, ?)",
				gateways.entrySet()
					.stream()
					.map((e) -> new Object[] { e.getValue(), "网格 " + e.getKey() + " 物联网关", e.getKey(),
							java.sql.Timestamp.from(this.clock.instant()) })
					.toList());
		List<Object[]> rows = new ArrayList<>();
		Random random = new Random(7182);
		int next = 0;
		Instant now = this.clock.instant();
		for (Object[] kind : MIX) {
			for (int i = 1; i <= (Integer) kind[2]; i++) {
				Location p = places.get(next++);
				boolean home = kind[0].equals("DOOR") || kind[0].equals("WATER_METER");
				int household = (i - 1) % 600 + 1;
				rows.add(new Object[] { String.format("%s-%05d", kind[1], i), kind[0], p.point().lon(), p.point().lat(),
						p.unit().code(), (p.compound() != null) ? p.compound().code() : null,
						(Boolean) kind[3] ? (1 + random.nextInt(30)) + "号楼" : null, home ? "独居老人户 " + household : null,
						java.sql.Date.valueOf(java.time.LocalDate.of(2024, 1 + random.nextInt(12), 1)),
						(Boolean) kind[3] ? gateways.get(p.unit().code()) : null, java.sql.Timestamp.from(now) });
			}
		}
		this.jdbc.batchUpdate("""
				insert into sensor_device (id, type_code, lon, lat, unit_code, compound_code, building, household,
				                           installed_on, gateway_id, created_at, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", rows);
		this.registry.invalidate();
		log.info("Demo sensors registered: {} devices, {} gateways ({})", rows.size(), gateways.size(), now);
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
