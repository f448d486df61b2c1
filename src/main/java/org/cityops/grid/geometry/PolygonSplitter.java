package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Cuts a polygon into parts of given relative areas with straight north-south or
 * east-west lines, alternating with the shape's longer side. Used to draw plausible demo
 * grids that tile their parent exactly: the parts share edges and never overlap.
 */
public final class PolygonSplitter {

	private PolygonSplitter() {
	}

	/** Splits into {@code parts} pieces of equal area, west-to-east or south-to-north. */
	public static List<Geometry> split(Geometry polygon, int parts) {
		double[] weights = new double[parts];
		java.util.Arrays.fill(weights, 1.0);
		return split(polygon, weights);
	}

	public static List<Geometry> split(Geometry polygon, double[] weights) {
		List<Geometry> out = new ArrayList<>();
		split(polygon, weights, 0, weights.length, out);
		return out;
	}

	private static void split(Geometry polygon, double[] weights, int from, int to, List<Geometry> out) {
		if (to - from == 1) {
			out.add(polygon);
			return;
		}
		int mid = (from + to) / 2;
		double left = sum(weights, from, mid);
		double total = sum(weights, from, to);
		Geometry[] halves = cut(polygon, left / total);
		split(halves[0], weights, from, mid, out);
		split(halves[1], weights, mid, to, out);
	}

	/**
	 * Cuts off the western (or southern) share of the area, along the longer side of the
	 * polygon's envelope.
	 */
	public static Geometry[] cut(Geometry polygon, double share) {
		Envelope e = polygon.getEnvelopeInternal();
		LocalMetric metric = LocalMetric.around(polygon);
		return cut(polygon, share,
				e.getWidth() * metric.metresPerDegreeLon() >= e.getHeight() * metric.metresPerDegreeLat());
	}

	/**
	 * Cuts off the western ({@code vertical} line) or southern (horizontal line) share of
	 * the area.
	 */
	public static Geometry[] cut(Geometry polygon, double share, boolean vertical) {
		Envelope e = polygon.getEnvelopeInternal();
		double lo = vertical ? e.getMinX() : e.getMinY();
		double hi = vertical ? e.getMaxX() : e.getMaxY();
		double target = polygon.getArea() * share;
		double at = (lo + hi) / 2;
		for (int i = 0; i < 50; i++) {
			at = (lo + hi) / 2;
			double area = polygon.intersection(box(e, vertical, at, true)).getArea();
			if (area < target) {
				lo = at;
			}
			else {
				hi = at;
			}
		}
		at = Math.round(at * 1e7) / 1e7;
		return new Geometry[] { polygonal(polygon.intersection(box(e, vertical, at, true))),
				polygonal(polygon.intersection(box(e, vertical, at, false))) };
	}

	private static Geometry box(Envelope e, boolean vertical, double at, boolean low) {
		double pad = 1.0;
		Envelope box = vertical
				? new Envelope(low ? e.getMinX() - pad : at, low ? at : e.getMaxX() + pad, e.getMinY() - pad,
						e.getMaxY() + pad)
				: new Envelope(e.getMinX() - pad, e.getMaxX() + pad, low ? e.getMinY() - pad : at,
						low ? at : e.getMaxY() + pad);
		return GeoJsonGeometry.FACTORY.toGeometry(box);
	}

	/**
	 * Keeps only the polygonal parts of an overlay result (dropping stray lines and
	 * points).
	 */
	public static Geometry polygonal(Geometry geometry) {
		if (geometry instanceof Polygonal) {
			return geometry;
		}
		List<org.locationtech.jts.geom.Polygon> polygons = new ArrayList<>();
		for (int i = 0; i < geometry.getNumGeometries(); i++) {
			if (geometry.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p && !p.isEmpty()) {
				polygons.add(p);
			}
		}
		return (polygons.size() == 1) ? polygons.get(0) : GeoJsonGeometry.FACTORY
			.createMultiPolygon(polygons.toArray(new org.locationtech.jts.geom.Polygon[0]));
	}

	private static double sum(double[] weights, int from, int to) {
		double s = 0;
		for (int i = from; i < to; i++) {
			s += weights[i];
		}
		return s;
	}

}
