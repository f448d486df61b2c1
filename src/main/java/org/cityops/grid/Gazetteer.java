package org.cityops.grid;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.LocalMetric;
import org.cityops.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves Shanghai-style addresses (road + 弄/号) and compound names to a point. Tolerates
 * what people type: full-width digits, spaces, the city/district/town in front, a missing
 * 路, and building or room numbers after the lane. Known entrances answer exactly; other
 * numbers are placed along their road by interpolation; anything else is an honest "not
 * known".
 */
@Component
class Gazetteer {

	private static final Pattern ROAD_NUMBER = Pattern.compile("^(\\p{IsHan}+?)(\\d{1,5})(弄|号)?");

	private static final List<String> PREFIXES = List.of("上海市", "上海", "普陀区", "桃浦镇");

	private static final double SIDE_OFFSET_M = 15;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ObjectMapper json;

	private volatile Map<String, GazetteerRoad> roads;

	private volatile Map<String, GazetteerAddress> entrances;

	Gazetteer(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	@Transactional
	void replace(List<GazetteerRoad> roads, List<GazetteerAddress> entrances, boolean demo) {
		this.jdbc.sql("delete from gazetteer_road").update();
		this.template.batchUpdate(
				"insert into gazetteer_road (name, geometry, max_number, demo) values (?, ?::jsonb, ?, ?)", roads, 500,
				(ps, r) -> {
					ps.setString(1, r.name());
					ps.setString(2, GeoJsonGeometry.write(r.line()).toString());
					ps.setInt(3, r.maxNumber());
					ps.setBoolean(4, demo);
				});
		this.template.batchUpdate("""
				insert into gazetteer_address (road, number, suffix, lon, lat, compound_code)
				values (?, ?, ?, ?, ?, ?)""", entrances, 1000, (ps, e) -> {
			ps.setString(1, e.road());
			ps.setInt(2, e.number());
			ps.setString(3, e.suffix());
			ps.setDouble(4, e.lon());
			ps.setDouble(5, e.lat());
			ps.setString(6, e.compoundCode());
		});
		this.roads = null;
		this.entrances = null;
	}

	Geocoded geocode(String query, GridSnapshot grid) {
		if (query == null || query.isBlank()) {
			throw new IllegalArgumentException("Give an address (e.g. 武威路1082弄) or a compound name (e.g. 莲花公寓)");
		}
		if (query.length() > 200) {
			throw new IllegalArgumentException("An address has at most 200 characters");
		}
		String normalized = normalize(query);
		Optional<GridFeature> compound = compoundNamed(normalized, grid);
		Matcher m = ROAD_NUMBER.matcher(normalized);
		if (m.find()) {
			Optional<GazetteerRoad> road = road(m.group(1));
			if (road.isPresent()) {
				return byNumber(query, normalized, road.get(), Integer.parseInt(m.group(2)), m.group(3), grid);
			}
			if (compound.isEmpty()) {
				String asked = m.group(1).endsWith("路") ? "'" + m.group(1) + "'"
						: "'" + m.group(1) + "' or '" + m.group(1) + "路'";
				throw GridNotFound.address("No road named " + asked
						+ " is known in the jurisdiction; check the spelling or pick the place on the map");
			}
		}
		if (compound.isPresent()) {
			GridFeature c = compound.get();
			Coordinate centre = c.geometry().getInteriorPoint().getCoordinate();
			GeoPoint point = GeoPoint.of(round(centre.x), round(centre.y));
			return new Geocoded(query, normalized, "COMPOUND", c.properties().getOrDefault("address", c.name()), point,
					c.place(), grid.locate(point));
		}
		if (road(normalized).isPresent()) {
			throw GridNotFound.address("'" + normalized + "' is a whole road; add a house number, e.g. "
					+ road(normalized).get().name() + "100号");
		}
		throw GridNotFound.address("'" + query.trim() + "' is neither a known address (road + number + 弄/号) nor a "
				+ "known compound name; pick the place on the map instead");
	}

	private Geocoded byNumber(String query, String normalized, GazetteerRoad road, int number, String suffix,
			GridSnapshot grid) {
		Map<String, GazetteerAddress> known = entrances();
		for (String s : (suffix != null) ? List.of(suffix, "弄".equals(suffix) ? "号" : "弄") : List.of("弄", "号")) {
			GazetteerAddress e = known.get(key(road.name(), number, s));
			if (e != null) {
				GeoPoint point = GeoPoint.of(e.lon(), e.lat());
				GridPlace compound = (e.compoundCode() != null && grid.feature(e.compoundCode()) != null)
						? grid.feature(e.compoundCode()).place() : null;
				return new Geocoded(query, normalized, "EXACT", road.name() + number + s, point, compound,
						grid.locate(point));
			}
		}
		if (number < 1 || number > road.maxNumber()) {
			throw GridNotFound
				.address(road.name() + " has house numbers 1 to " + road.maxNumber() + "; " + number + " is not on it");
		}
		GeoPoint point = interpolate(road, number);
		String s = (suffix != null) ? suffix : "号";
		return new Geocoded(query, normalized, "INTERPOLATED", road.name() + number + s, point, null,
				grid.locate(point));
	}

	/**
	 * Odd numbers on the left of the road's direction, even on the right, in order along
	 * the line.
	 */
	static GeoPoint interpolate(GazetteerRoad road, int number) {
		return interpolate(road, number, SIDE_OFFSET_M);
	}

	/**
	 * The point {@code offsetM} metres beside the road where the number stands, on its
	 * side of the road.
	 */
	static GeoPoint interpolate(GazetteerRoad road, int number, double offsetM) {
		return road.pointAt(number, offsetM);
	}

	/**
	 * Where along the road (by number) a point lies, and on which side: the inverse of
	 * {@link #interpolate}.
	 */
	static int numberAt(GazetteerRoad road, Coordinate lonLat) {
		return road.numberAt(lonLat);
	}

	private Optional<GridFeature> compoundNamed(String normalized, GridSnapshot grid) {
		return grid.compounds()
			.stream()
			.filter((c) -> normalized.contains(c.name())
					|| normalized.contains(stripped(c.name())) && stripped(c.name()).length() >= 2)
			.max(Comparator.comparingInt((GridFeature c) -> c.name().length()));
	}

	private Optional<GazetteerRoad> road(String name) {
		Map<String, GazetteerRoad> all = roads();
		GazetteerRoad road = all.get(name);
		if (road == null && !name.endsWith("路")) {
			road = all.get(name + "路");
		}
		return Optional.ofNullable(road);
	}

	static String normalize(String query) {
		String s = Normalizer.normalize(query, Normalizer.Form.NFKC).replaceAll("[\\s,，。·\\-—()（）]", "");
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String prefix : PREFIXES) {
				if (s.startsWith(prefix) && s.length() > prefix.length()) {
					s = s.substring(prefix.length());
					changed = true;
				}
			}
		}
		return s;
	}

	private static String stripped(String compoundName) {
		return compoundName.endsWith("小区") ? compoundName.substring(0, compoundName.length() - 2) : compoundName;
	}

	ObjectNode roadsAsGeoJson() {
		ObjectNode collection = JsonNodeFactory.instance.objectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		roads().values().stream().sorted(Comparator.comparing(GazetteerRoad::name)).forEach((road) -> {
			ObjectNode feature = features.addObject();
			feature.put("type", "Feature");
			feature.putObject("properties").put("name", road.name()).put("maxNumber", road.maxNumber());
			feature.set("geometry", GeoJsonGeometry.write(road.line()));
		});
		return collection;
	}

	private Map<String, GazetteerRoad> roads() {
		Map<String, GazetteerRoad> loaded = this.roads;
		if (loaded == null) {
			GeoJsonGeometry reader = new GeoJsonGeometry(new Envelope(-180, 180, -90, 90));
			Map<String, GazetteerRoad> map = new HashMap<>();
			this.jdbc.sql("select name, geometry::text, max_number from gazetteer_road").query((rs) -> {
				try {
					map.put(rs.getString(1), new GazetteerRoad(rs.getString(1),
							(LineString) reader.read(this.json.readTree(rs.getString(2))), rs.getInt(3)));
				}
				catch (JsonProcessingException | GeoJsonGeometry.InvalidGeometry ex) {
					throw new IllegalStateException("Stored road " + rs.getString(1) + " is unreadable", ex);
				}
			});
			this.roads = loaded = Map.copyOf(map);
		}
		return loaded;
	}

	private Map<String, GazetteerAddress> entrances() {
		Map<String, GazetteerAddress> loaded = this.entrances;
		if (loaded == null) {
			Map<String, GazetteerAddress> map = new HashMap<>();
			this.jdbc.sql("select road, number, suffix, lon, lat, compound_code from gazetteer_address").query((rs) -> {
				GazetteerAddress e = new GazetteerAddress(rs.getString(1), rs.getInt(2), rs.getString(3),
						rs.getDouble(4), rs.getDouble(5), rs.getString(6));
				map.put(key(e.road(), e.number(), e.suffix()), e);
			});
			this.entrances = loaded = Map.copyOf(map);
		}
		return loaded;
	}

	private static String key(String road, int number, String suffix) {
		return road + "|" + number + "|" + suffix;
	}

	private static double round(double value) {
		return Math.round(value * 1e7) / 1e7;
	}

}
