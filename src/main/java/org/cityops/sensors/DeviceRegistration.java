package org.cityops.sensors;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.grid.Location;
import org.cityops.shared.GeoPoint;
import org.cityops.shared.Texts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers gateways and devices, one by one or from a CSV file, all or nothing: every
 * row is checked (id, known type, a place inside a unit of the grid, a known gateway, a
 * date) and the problems of all rows are listed before anything is written.
 */
@Service
public class DeviceRegistration {

	static final String ID = "[A-Za-z0-9_.-]{1,64}";

	static final int MAX_ROWS = 200_000;

	private final JdbcTemplate jdbc;

	private final Registry registry;

	private final Grid grid;

	private final java.time.Clock clock;

	private final MqttAccounts accounts;

	DeviceRegistration(JdbcTemplate jdbc, Registry registry, Grid grid, java.time.Clock clock, MqttAccounts accounts) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.registry = registry;
		this.grid = grid;
		this.clock = clock;
	}

	/**
	 * A device as sent: where it is in WGS84, and optionally its building, household,
	 * gateway.
	 */
	public record NewDevice(String id, String type, Double lon, Double lat, String building, String household,
			String installedOn, String gateway) {
	}

	/** Why a file or a device was refused: every problem, by row. */
	public static class Refused extends org.cityops.shared.Problem {

		private final List<String> problems;

		Refused(List<String> problems) {
			super(Kind.INVALID,
					problems.size() + " problem(s): "
							+ String.join("; ", problems.subList(0, Math.min(5, problems.size())))
							+ ((problems.size() > 5) ? " …" : ""));
			this.problems = List.copyOf(problems);
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("errors", this.problems);
		}

		public List<String> problems() {
			return this.problems;
		}

	}

	@Transactional
	/** A new MQTT secret for the device, shown this once. */
	public String credentialsForDevice(String id) {
		return this.accounts.issueForDevice(id).orElseThrow(() -> new Alarms.AlarmNotFound("No device " + id));
	}

	/** A new MQTT secret for the gateway, which publishes for all its devices. */
	public String credentialsForGateway(String id) {
		return this.accounts.issueForGateway(id).orElseThrow(() -> new Alarms.AlarmNotFound("No gateway " + id));
	}

	/**
	 * The accounts of every device and gateway with a secret, as a Mosquitto password
	 * file, with the number of older secrets it leaves out.
	 */
	public MosquittoExport mosquittoPasswords() {
		MqttAccounts.PasswordFile file = this.accounts.passwordFile();
		return new MosquittoExport(file.text(), file.accounts(), file.leftOut());
	}

	/** The Mosquitto ACL for the registry's gateways and devices. */
	public String mosquittoAcl() {
		return this.accounts.aclFile();
	}

	/** A file for Mosquitto, the accounts it holds and those it leaves out. */
	public record MosquittoExport(String text, int accounts, int leftOut) {
	}

	public void gateway(String id, String name) {
		if (id == null || !id.matches(ID) || name == null || name.isBlank()) {
			throw new Refused(List.of("A gateway has an id (letters, digits, '.', '_', '-', at most 64) and a name"));
		}
		this.jdbc.update("""
				insert into sensor_gateway (id, name, created_at) values (?, ?, ?)
				on conflict (id) do update set name = excluded.name""", id, name.strip(),
				java.sql.Timestamp.from(this.clock.instant()));
	}

	/** Registers (or moves, or re-types) devices; answers how many. */
	@Transactional
	public int register(List<NewDevice> devices) {
		if (devices.size() > MAX_ROWS) {
			throw new Refused(List.of("At most " + MAX_ROWS + " devices at once"));
		}
		Registry.Snapshot snapshot = this.registry.snapshot();
		Set<String> gateways = new HashSet<>(this.jdbc.queryForList("select id from sensor_gateway", String.class));
		List<String> problems = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < devices.size(); i++) {
			NewDevice d = devices.get(i);
			String at = "row " + (i + 1) + ((d.id() != null) ? " (" + d.id() + ")" : "") + ": ";
			int before = problems.size();
			if (d.id() == null || !d.id().matches(ID)) {
				problems.add(at + "the id is letters, digits, '.', '_' or '-', at most 64");
			}
			else if (!seen.add(d.id())) {
				problems.add(at + "the id appears twice");
			}
			if (d.type() == null || !snapshot.types().containsKey(d.type())) {
				problems.add(at + "type '" + d.type() + "' is not one of " + snapshot.types().keySet());
			}
			if (d.gateway() != null && !d.gateway().isBlank() && !gateways.contains(d.gateway())) {
				problems.add(at + "gateway '" + d.gateway() + "' is not registered");
			}
			LocalDate installed = null;
			if (d.installedOn() != null && !d.installedOn().isBlank()) {
				try {
					installed = LocalDate.parse(d.installedOn().strip());
				}
				catch (DateTimeParseException ex) {
					problems.add(at + "installed_on '" + d.installedOn() + "' is not a date like 2026-03-01");
				}
			}
			Location place = null;
			if (d.lon() == null || d.lat() == null) {
				problems.add(at + "give lon and lat (WGS84)");
			}
			else {
				try {
					place = this.grid.locate(new GeoPoint(d.lon(), d.lat()));
					if (!place.hasUnit()) {
						problems.add(at + d.lon() + ", " + d.lat() + " lies outside every unit of the grid");
					}
				}
				catch (GridNotFound | IllegalArgumentException ex) {
					problems.add(at + ex.getMessage());
				}
			}
			if (problems.size() == before) {
				rows.add(new Object[] { d.id(), d.type(), d.lon(), d.lat(), place.unit().code(),
						(place.compound() != null) ? place.compound().code() : null, Texts.orNull(d.building()),
						Texts.orNull(d.household()), (installed != null) ? java.sql.Date.valueOf(installed) : null,
						Texts.orNull(d.gateway()), java.sql.Timestamp.from(this.clock.instant()) });
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		this.jdbc.batchUpdate("""
				insert into sensor_device (id, type_code, lon, lat, unit_code, compound_code, building, household,
				                           installed_on, gateway_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set type_code = excluded.type_code, lon = excluded.lon, lat = excluded.lat,
				  unit_code = excluded.unit_code, compound_code = excluded.compound_code, building = excluded.building,
				  household = excluded.household, installed_on = excluded.installed_on,
				  gateway_id = excluded.gateway_id""", rows);
		this.registry.invalidate();
		return rows.size();
	}

	/**
	 * Registers the devices of a CSV file with the header
	 * {@code id,type,lon,lat,building,household,installed_on,gateway} (the last four may
	 * be empty).
	 */
	@Transactional
	public int importCsv(byte[] file) {
		List<List<String>> rows;
		try {
			rows = org.cityops.shared.Csv.read(new String(file, StandardCharsets.UTF_8), 1_000_000);
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(List.of("The CSV file is broken (a quote that is never closed?): " + ex.getMessage()));
		}
		if (rows == null || rows.isEmpty()
				|| !String.join(",", rows.get(0)).strip().replace(" ", "").startsWith("id,type,lon,lat")) {
			throw new Refused(
					List.of("The first line must be id,type,lon,lat,building,household,installed_on,gateway"));
		}
		List<NewDevice> devices = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> c = new ArrayList<>(rows.get(i));
			if (c.stream().allMatch(String::isBlank)) {
				continue;
			}
			while (c.size() < 8) {
				c.add("");
			}
			try {
				devices.add(new NewDevice(c.get(0).strip(), c.get(1).strip(), Double.valueOf(c.get(2).strip()),
						Double.valueOf(c.get(3).strip()), c.get(4), c.get(5), c.get(6), c.get(7).strip()));
			}
			catch (NumberFormatException ex) {
				problems.add("line " + (i + 1) + ": lon and lat are decimal numbers");
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		return register(devices);
	}

}
