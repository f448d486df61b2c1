package org.cityops.grid.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Metres on the ground near a reference latitude: an equirectangular projection, accurate
 * to well under 0.1 % over a town or a district, which is all that areas, overlaps and
 * tolerances need.
 */
public final class LocalMetric {

	private static final double METRES_PER_DEGREE_LAT = 110_574.0;

	private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

	private final double lon0;

	private final double lat0;

	private final double metresPerDegreeLon;

	public LocalMetric(double lon0, double lat0) {
		this.lon0 = lon0;
		this.lat0 = lat0;
		this.metresPerDegreeLon = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat0));
	}

	public static LocalMetric around(Geometry geometry) {
		Coordinate centre = geometry.getEnvelopeInternal().centre();
		return new LocalMetric(centre.x, centre.y);
	}

	/** A copy of the geometry in metres east and north of the reference point. */
	public Geometry toMetres(Geometry lonLat) {
		Geometry copy = lonLat.copy();
		copy.apply(new Transform(true));
		copy.geometryChanged();
		return copy;
	}

	/** A copy of a metric geometry back in longitude and latitude. */
	public Geometry toLonLat(Geometry metres) {
		Geometry copy = metres.copy();
		copy.apply(new Transform(false));
		copy.geometryChanged();
		return copy;
	}

	public double areaM2(Geometry lonLat) {
		return toMetres(lonLat).getArea();
	}

	public double metresPerDegreeLon() {
		return this.metresPerDegreeLon;
	}

	public double metresPerDegreeLat() {
		return METRES_PER_DEGREE_LAT;
	}

	private final class Transform implements CoordinateSequenceFilter {

		private final boolean forward;

		Transform(boolean forward) {
			this.forward = forward;
		}

		@Override
		public void filter(CoordinateSequence seq, int i) {
			double x = seq.getOrdinate(i, 0);
			double y = seq.getOrdinate(i, 1);
			if (this.forward) {
				seq.setOrdinate(i, 0, (x - LocalMetric.this.lon0) * LocalMetric.this.metresPerDegreeLon);
				seq.setOrdinate(i, 1, (y - LocalMetric.this.lat0) * METRES_PER_DEGREE_LAT);
			}
			else {
				seq.setOrdinate(i, 0, LocalMetric.this.lon0 + x / LocalMetric.this.metresPerDegreeLon);
				seq.setOrdinate(i, 1, LocalMetric.this.lat0 + y / METRES_PER_DEGREE_LAT);
			}
		}

		@Override
		public boolean isDone() {
			return false;
		}

		@Override
		public boolean isGeometryChanged() {
			return true;
		}

	}

}
