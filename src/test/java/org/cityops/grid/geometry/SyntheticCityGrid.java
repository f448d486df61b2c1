package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * A city-scale grid for benchmarks: a raster of standard ~10,000 m² cells (100 m × 100 m,
 * GB/T 30428) near Shanghai, grouped into irregular, contiguous units by growing them
 * from random seeds (a discrete Voronoi by breadth-first search). Each unit is the union
 * of its cells, so its boundary is rectilinear with many vertices, like real grids drawn
 * on the cell raster.
 */
final class SyntheticCityGrid {

	static final double ORIGIN_LON = 121.0;

	static final double ORIGIN_LAT = 30.7;

	final int columns;

	final int rows;

	final double dx;

	final double dy;

	final List<Geometry> units;

	SyntheticCityGrid(int columns, int rows, int unitCount, long seed) {
		this.columns = columns;
		this.rows = rows;
		LocalMetric metric = new LocalMetric(ORIGIN_LON, ORIGIN_LAT + 0.3);
		this.dx = 100 / metric.metresPerDegreeLon();
		this.dy = 100 / metric.metresPerDegreeLat();
		int[] owner = grow(unitCount, new Random(seed));
		this.units = polygons(owner, unitCount);
	}

	int cells() {
		return this.columns * this.rows;
	}

	Envelope envelope() {
		return new Envelope(ORIGIN_LON, ORIGIN_LON + this.columns * this.dx, ORIGIN_LAT,
				ORIGIN_LAT + this.rows * this.dy);
	}

	private int[] grow(int unitCount, Random random) {
		int n = this.columns * this.rows;
		int[] owner = new int[n];
		java.util.Arrays.fill(owner, -1);
		int[] queue = new int[n];
		int head = 0;
		int tail = 0;
		for (int u = 0; u < unitCount; u++) {
			int cell;
			do {
				cell = random.nextInt(n);
			}
			while (owner[cell] >= 0);
			owner[cell] = u;
			queue[tail++] = cell;
		}
		while (head < tail) {
			int cell = queue[head++];
			int x = cell % this.columns;
			int y = cell / this.columns;
			int[] neighbours = { (x > 0) ? cell - 1 : -1, (x < this.columns - 1) ? cell + 1 : -1,
					(y > 0) ? cell - this.columns : -1, (y < this.rows - 1) ? cell + this.columns : -1 };
			for (int next : neighbours) {
				if (next >= 0 && owner[next] < 0) {
					owner[next] = owner[cell];
					queue[tail++] = next;
				}
			}
		}
		return owner;
	}

	/**
	 * Each unit as the union of its cells, merged first into horizontal runs so the union
	 * stays cheap.
	 */
	private List<Geometry> polygons(int[] owner, int unitCount) {
		List<List<Geometry>> runs = new ArrayList<>(unitCount);
		for (int u = 0; u < unitCount; u++) {
			runs.add(new ArrayList<>());
		}
		for (int y = 0; y < this.rows; y++) {
			int x = 0;
			while (x < this.columns) {
				int u = owner[y * this.columns + x];
				int end = x;
				while (end + 1 < this.columns && owner[y * this.columns + end + 1] == u) {
					end++;
				}
				runs.get(u)
					.add(GeoJsonGeometry.FACTORY
						.toGeometry(new Envelope(ORIGIN_LON + x * this.dx, ORIGIN_LON + (end + 1) * this.dx,
								ORIGIN_LAT + y * this.dy, ORIGIN_LAT + (y + 1) * this.dy)));
				x = end + 1;
			}
		}
		List<Geometry> out = new ArrayList<>(unitCount);
		for (List<Geometry> unitRuns : runs) {
			out.add(UnaryUnionOp.union(unitRuns));
		}
		return out;
	}

}
