package org.cityops.grid;

import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.LocalMetric;
import org.cityops.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * A road of the gazetteer: its name, its centre line (WGS84) and its highest house
 * number; numbers run along the line, odd on the left, even on the right.
 */
public record GazetteerRoad(String name, LineString line, int maxNumber) {

	/**
	 * The point {@code offsetM} metres beside the road where the number stands, on its
	 * side of the road.
	 */
	public GeoPoint pointAt(int number, double offsetM) {
		LocalMetric metric = LocalMetric.around(this.line);
		Geometry metres = metric.toMetres(this.line);
		LengthIndexedLine indexed = new LengthIndexedLine(metres);
		double at = metres.getLength() * (number - 0.5) / this.maxNumber;
		double side = (number % 2 == 1) ? offsetM : -offsetM;
		Coordinate c = indexed.extractPoint(at, side);
		Coordinate lonLat = metric.toLonLat(GeoJsonGeometry.FACTORY.createPoint(c)).getCoordinate();
		return GeoPoint.of(round(lonLat.x), round(lonLat.y));
	}

	/**
	 * Where along the road (by number) a point lies, and on which side: the inverse of
	 * {@link #pointAt}.
	 */
	public int numberAt(Coordinate lonLat) {
		LocalMetric metric = LocalMetric.around(this.line);
		Geometry metres = metric.toMetres(this.line);
		LengthIndexedLine indexed = new LengthIndexedLine(metres);
		Coordinate p = metric.toMetres(GeoJsonGeometry.FACTORY.createPoint(lonLat)).getCoordinate();
		double at = indexed.project(p);
		Coordinate ahead = indexed.extractPoint(Math.min(metres.getLength(), at + 1));
		Coordinate here = indexed.extractPoint(at);
		boolean left = ((ahead.x - here.x) * (p.y - here.y) - (ahead.y - here.y) * (p.x - here.x)) > 0;
		int n = (int) Math.round(at / metres.getLength() * this.maxNumber + 0.5);
		n = Math.max(1, Math.min(this.maxNumber, n));
		if ((n % 2 == 1) != left) {
			n = (n < this.maxNumber) ? n + 1 : n - 1;
		}
		return n;
	}

	private static double round(double value) {
		return Math.round(value * 1e7) / 1e7;
	}

}
