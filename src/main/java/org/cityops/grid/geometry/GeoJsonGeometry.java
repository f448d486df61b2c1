package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON (RFC 7946) geometries to and from JTS, with the checks a person needs to fix a
 * file: each problem is named with the ring and position where it was found.
 * Longitude/latitude are checked against the jurisdiction's envelope, which also catches
 * the two usual traps, projected metres and swapped latitude/longitude.
 */
public final class GeoJsonGeometry {

	public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Envelope jurisdiction;

	public GeoJsonGeometry(Envelope jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	/** Thrown with a message that says what is wrong and where. */
	public static final class InvalidGeometry extends Exception {

		public InvalidGeometry(String message) {
			super(message, null, false, false);
		}

	}

	public Geometry read(JsonNode node) throws InvalidGeometry {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new InvalidGeometry("geometry is missing");
		}
		if (!node.isObject()) {
			throw new InvalidGeometry("geometry must be an object, not " + kind(node));
		}
		String type = node.path("type").asText("");
		JsonNode coordinates = node.get("coordinates");
		if (coordinates == null || !coordinates.isArray()) {
			throw new InvalidGeometry("geometry of type '" + type + "' has no coordinates array");
		}
		return switch (type) {
			case "Point" -> FACTORY.createPoint(position(coordinates, "the point"));
			case "LineString" -> FACTORY.createLineString(positions(coordinates, "the line", 2));
			case "Polygon" -> polygon(coordinates, "");
			case "MultiPolygon" -> multiPolygon(coordinates);
			default -> throw new InvalidGeometry("geometry type '" + type
					+ "' is not supported here; use Polygon or MultiPolygon (Point for committees)");
		};
	}

	private MultiPolygon multiPolygon(JsonNode coordinates) throws InvalidGeometry {
		if (coordinates.isEmpty()) {
			throw new InvalidGeometry("MultiPolygon has no polygons");
		}
		Polygon[] polygons = new Polygon[coordinates.size()];
		for (int i = 0; i < polygons.length; i++) {
			polygons[i] = polygon(coordinates.get(i), "polygon " + i + ", ");
		}
		return FACTORY.createMultiPolygon(polygons);
	}

	private Polygon polygon(JsonNode rings, String where) throws InvalidGeometry {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new InvalidGeometry(where + "a polygon needs at least one ring");
		}
		LinearRing shell = ring(rings.get(0), where + "ring 0");
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i), where + "ring " + i);
		}
		return FACTORY.createPolygon(shell, holes);
	}

	private LinearRing ring(JsonNode node, String where) throws InvalidGeometry {
		Coordinate[] positions = positions(node, where, 4);
		if (!positions[0].equals2D(positions[positions.length - 1])) {
			throw new InvalidGeometry(where + " is not closed: its first position " + show(positions[0])
					+ " differs from its last " + show(positions[positions.length - 1]));
		}
		return FACTORY.createLinearRing(positions);
	}

	private Coordinate[] positions(JsonNode node, String where, int minimum) throws InvalidGeometry {
		if (!node.isArray()) {
			throw new InvalidGeometry(where + " must be an array of positions, not " + kind(node));
		}
		if (node.size() < minimum) {
			throw new InvalidGeometry(where + " has " + node.size() + " positions; it needs at least " + minimum);
		}
		Coordinate[] out = new Coordinate[node.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = position(node.get(i), where + ", position " + i);
		}
		return out;
	}

	private Coordinate position(JsonNode node, String where) throws InvalidGeometry {
		if (!node.isArray() || node.size() < 2 || node.size() > 3 || !node.get(0).isNumber()
				|| !node.get(1).isNumber()) {
			throw new InvalidGeometry(where + " must be [longitude, latitude] numbers, found " + abbreviate(node));
		}
		double lon = node.get(0).asDouble();
		double lat = node.get(1).asDouble();
		if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
			throw new InvalidGeometry(where + " is not a finite number");
		}
		if (!this.jurisdiction.contains(lon, lat)) {
			throw new InvalidGeometry(where + " " + outside(lon, lat));
		}
		return new Coordinate(lon, lat);
	}

	/**
	 * Explains why a position is not in the jurisdiction, recognising the common
	 * mistakes.
	 */
	public String outside(double lon, double lat) {
		String at = show(new Coordinate(lon, lat));
		if (this.jurisdiction.contains(lat, lon)) {
			return at + " has latitude and longitude swapped; GeoJSON positions are [longitude, latitude]";
		}
		if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
			return at + " looks like projected coordinates (metres), not longitude/latitude; "
					+ "GeoJSON must be WGS84 (EPSG:4326)";
		}
		return at + " lies outside the jurisdiction (longitude " + fmt(this.jurisdiction.getMinX()) + " to "
				+ fmt(this.jurisdiction.getMaxX()) + ", latitude " + fmt(this.jurisdiction.getMinY()) + " to "
				+ fmt(this.jurisdiction.getMaxY()) + ")";
	}

	public static ObjectNode write(Geometry geometry) {
		ObjectNode node = NODES.objectNode();
		node.put("type", geometry.getGeometryType());
		ArrayNode coordinates = node.putArray("coordinates");
		if (geometry instanceof Point point) {
			node.set("coordinates", positionNode(point.getCoordinate()));
		}
		else if (geometry instanceof LineString line) {
			for (Coordinate c : line.getCoordinates()) {
				coordinates.add(positionNode(c));
			}
		}
		else if (geometry instanceof Polygon polygon) {
			writePolygon(coordinates, polygon);
		}
		else if (geometry instanceof MultiPolygon multi) {
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				writePolygon(coordinates.addArray(), (Polygon) multi.getGeometryN(i));
			}
		}
		else {
			throw new IllegalArgumentException("Cannot write " + geometry.getGeometryType());
		}
		return node;
	}

	private static void writePolygon(ArrayNode rings, Polygon polygon) {
		List<LineString> all = new ArrayList<>();
		all.add(polygon.getExteriorRing());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			all.add(polygon.getInteriorRingN(i));
		}
		for (LineString ring : all) {
			ArrayNode positions = rings.addArray();
			for (Coordinate c : ring.getCoordinates()) {
				positions.add(positionNode(c));
			}
		}
	}

	private static void writePosition(ArrayNode array, Coordinate c) {
		array.add(round(c.x)).add(round(c.y));
	}

	private static ArrayNode positionNode(Coordinate c) {
		ArrayNode position = NODES.arrayNode(2);
		writePosition(position, c);
		return position;
	}

	/** Seven decimals of a degree are about a centimetre. */
	private static double round(double value) {
		return Math.round(value * 1e7) / 1e7;
	}

	private static String show(Coordinate c) {
		return "[" + fmt(c.x) + ", " + fmt(c.y) + "]";
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	private static String kind(JsonNode node) {
		return node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}
