package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import static org.assertj.core.api.Assertions.assertThat;

class PolygonLocatorTests {

	private static final Random random = new Random(42);

	@Test
	void agreesWithJtsOnRandomPointsOverAnIrregularTessellation() {
		Geometry region = GeoJsonGeometry.FACTORY
			.createPolygon(new Coordinate[] { new Coordinate(0, 0), new Coordinate(10, 1), new Coordinate(12, 8),
					new Coordinate(6, 11), new Coordinate(5, 6), new Coordinate(1, 9), new Coordinate(0, 0) });
		List<Geometry> parts = PolygonSplitter.split(region, 37);
		PolygonLocator locator = PolygonLocator.of(parts);
		for (int i = 0; i < 200_000; i++) {
			double x = -1 + random.nextDouble() * 14;
			double y = -1 + random.nextDouble() * 13;
			assertThat(locator.locate(x, y)).as("point %s %s", x, y).isEqualTo(expected(parts, x, y));
		}
	}

	@Test
	void handlesHolesAndMultiPolygons() {
		Geometry outer = box(0, 0, 10, 10).difference(box(3, 3, 7, 7));
		Geometry inner = box(3, 3, 7, 7);
		Geometry multi = box(20, 0, 22, 2).union(box(25, 0, 27, 2));
		List<Geometry> polygons = List.of(outer, inner, multi);
		PolygonLocator locator = PolygonLocator.of(polygons);
		assertThat(locator.locate(1, 1)).isEqualTo(0);
		assertThat(locator.locate(5, 5)).isEqualTo(1);
		assertThat(locator.locate(21, 1)).isEqualTo(2);
		assertThat(locator.locate(26, 1)).isEqualTo(2);
		assertThat(locator.locate(23.5, 1)).isEqualTo(-1);
		assertThat(locator.locate(-5, 1)).isEqualTo(-1);
		for (int i = 0; i < 100_000; i++) {
			double x = -1 + random.nextDouble() * 30;
			double y = -1 + random.nextDouble() * 12;
			assertThat(locator.locate(x, y)).isEqualTo(expected(polygons, x, y));
		}
	}

	@Test
	void pointsOnSharedEdgesAndVerticesGetOneOfTheTouchingPolygons() {
		List<Geometry> cells = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			for (int j = 0; j < 10; j++) {
				cells.add(box(i, j, i + 1, j + 1));
			}
		}
		PolygonLocator locator = PolygonLocator.of(cells);
		for (int i = 1; i < 10; i++) {
			for (int j = 1; j < 10; j++) {
				int found = locator.locate(i, j);
				assertThat(found).isNotNegative();
				assertThat(cells.get(found).getEnvelopeInternal().contains(i, j)).isTrue();
				int onEdge = locator.locate(i, j + 0.5);
				assertThat(cells.get(onEdge).getEnvelopeInternal().contains(i, j + 0.5)).isTrue();
			}
		}
	}

	@Test
	void emptySetLocatesNothing() {
		assertThat(PolygonLocator.of(List.of()).locate(1, 1)).isEqualTo(-1);
	}

	private static int expected(List<Geometry> polygons, double x, double y) {
		Geometry point = GeoJsonGeometry.FACTORY.createPoint(new Coordinate(x, y));
		for (int i = 0; i < polygons.size(); i++) {
			if (polygons.get(i).covers(point)) {
				return i;
			}
		}
		return -1;
	}

	private static Geometry box(double x0, double y0, double x1, double y1) {
		return GeoJsonGeometry.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1));
	}

}
