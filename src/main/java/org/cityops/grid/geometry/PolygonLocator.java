package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Answers "which polygon contains this point" for a fixed set of polygons that do not
 * overlap (a grid), in a few dozen nanoseconds.
 * <p>
 * The envelope is cut into a raster of square buckets. For each bucket we know, exactly,
 * which polygon contains its centre, and we keep the polygon edges that pass through it.
 * A bucket with no edges lies wholly inside that polygon (or outside all of them), so a
 * point there is answered by one array read. Otherwise the point's polygon follows from
 * the centre's by parity: walking the straight segment from the centre to the point,
 * every crossing of a polygon's edge flips whether we are inside that polygon. Only the
 * bucket's own edges can cross that segment. Degenerate cases (the segment touching a
 * vertex, or the point on an edge) fall back to JTS's exact point-in-polygon test.
 */
public final class PolygonLocator {

	private static final int MAX_LOCAL_CANDIDATES = 63;

	private final List<Geometry> polygons;

	private final IndexedPointInAreaLocator[] exact;

	private final STRtree tree = new STRtree();

	private final double minX;

	private final double minY;

	private final double size;

	private final int nx;

	private final int ny;

	/** Polygon containing each bucket's centre, or -1. */
	private final int[] centreOwner;

	/**
	 * Offsets into the edge arrays, per bucket (CSR layout): edges of bucket b are
	 * [start[b], start[b+1]).
	 */
	private final int[] start;

	private final double[] edges;

	private final int[] edgeOwner;

	/**
	 * Per bucket, the local candidate number of each edge's polygon, and the local
	 * candidates themselves.
	 */
	private final byte[] edgeLocal;

	private final int[] candidateStart;

	private final int[] candidates;

	private PolygonLocator(List<Geometry> polygons, double bucketsPerPolygon) {
		this.polygons = List.copyOf(polygons);
		this.exact = new IndexedPointInAreaLocator[polygons.size()];
		Envelope envelope = new Envelope();
		for (int i = 0; i < polygons.size(); i++) {
			Geometry polygon = polygons.get(i);
			if (!(polygon instanceof Polygonal)) {
				throw new IllegalArgumentException("Polygon " + i + " is a " + polygon.getGeometryType());
			}
			this.exact[i] = new IndexedPointInAreaLocator(polygon);
			this.tree.insert(polygon.getEnvelopeInternal(), i);
			envelope.expandToInclude(polygon.getEnvelopeInternal());
		}
		this.tree.build();
		if (envelope.isNull()) {
			envelope = new Envelope(0, 1, 0, 1);
		}
		double buckets = Math.max(1, polygons.size() * bucketsPerPolygon);
		double side = Math.sqrt(envelope.getArea() / buckets);
		this.size = (side > 0) ? side : 1e-6;
		this.minX = envelope.getMinX();
		this.minY = envelope.getMinY();
		this.nx = Math.max(1, (int) Math.ceil(envelope.getWidth() / this.size) + 1);
		this.ny = Math.max(1, (int) Math.ceil(envelope.getHeight() / this.size) + 1);
		if ((long) this.nx * this.ny > 50_000_000L) {
			throw new IllegalArgumentException("Too many buckets: " + this.nx + " x " + this.ny);
		}
		Builder builder = new Builder();
		this.centreOwner = builder.centreOwners();
		builder.collectEdges();
		this.start = builder.start;
		this.edges = builder.edgeCoords;
		this.edgeOwner = builder.edgeOwners;
		this.edgeLocal = new byte[this.edgeOwner.length];
		this.candidateStart = new int[this.nx * this.ny + 1];
		this.candidates = builder.localCandidates(this.edgeLocal, this.candidateStart);
	}

	/**
	 * Builds a locator; about 8 buckets per polygon keeps a few edges per bucket for
	 * grid-like data.
	 * @param polygons polygons or multi-polygons in one coordinate system; their order
	 * gives the answer's index
	 */
	public static PolygonLocator of(List<? extends Geometry> polygons) {
		return new PolygonLocator(new ArrayList<>(polygons), 8);
	}

	public int size() {
		return this.polygons.size();
	}

	/** The index of the polygon that contains (x, y), or -1 when none does. */
	public int locate(double x, double y) {
		double fx = (x - this.minX) / this.size;
		double fy = (y - this.minY) / this.size;
		if (!(fx >= 0 && fy >= 0 && fx < this.nx && fy < this.ny)) {
			return -1;
		}
		int ix = (int) fx;
		int iy = (int) fy;
		int bucket = iy * this.nx + ix;
		int from = this.start[bucket];
		int to = this.start[bucket + 1];
		if (from == to) {
			return this.centreOwner[bucket];
		}
		double cx = this.minX + (ix + 0.5) * this.size;
		double cy = this.minY + (iy + 0.5) * this.size;
		long parity = 0;
		for (int e = from; e < to; e++) {
			int k = 4 * e;
			double ax = this.edges[k];
			double ay = this.edges[k + 1];
			double bx = this.edges[k + 2];
			double by = this.edges[k + 3];
			double o1 = orient(cx, cy, x, y, ax, ay);
			double o2 = orient(cx, cy, x, y, bx, by);
			if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) {
				continue;
			}
			double o3 = orient(ax, ay, bx, by, cx, cy);
			double o4 = orient(ax, ay, bx, by, x, y);
			if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) {
				continue;
			}
			if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) {
				return locateExactly(x, y);
			}
			parity ^= 1L << this.edgeLocal[e];
		}
		int owner = this.centreOwner[bucket];
		for (int c = this.candidateStart[bucket]; c < this.candidateStart[bucket + 1]; c++) {
			int local = c - this.candidateStart[bucket];
			boolean inside = (this.candidates[c] == owner) ^ ((parity >>> local & 1L) != 0);
			if (inside) {
				return this.candidates[c];
			}
		}
		return -1;
	}

	/** The exact answer from JTS, for checks and degenerate cases. */
	public int locateExactly(double x, double y) {
		Coordinate p = new Coordinate(x, y);
		int best = -1;
		for (Object item : this.tree.query(new Envelope(p))) {
			int i = (Integer) item;
			if (this.exact[i].locate(p) != Location.EXTERIOR && (best < 0 || i < best)) {
				best = i;
			}
		}
		return best;
	}

	private static double orient(double ax, double ay, double bx, double by, double px, double py) {
		return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
	}

	private final class Builder {

		int[] start;

		double[] edgeCoords;

		int[] edgeOwners;

		private int[] centreOwner;

		int[] centreOwners() {
			int[] owners = new int[PolygonLocator.this.nx * PolygonLocator.this.ny];
			for (int iy = 0; iy < PolygonLocator.this.ny; iy++) {
				for (int ix = 0; ix < PolygonLocator.this.nx; ix++) {
					double cx = PolygonLocator.this.minX + (ix + 0.5) * PolygonLocator.this.size;
					double cy = PolygonLocator.this.minY + (iy + 0.5) * PolygonLocator.this.size;
					owners[iy * PolygonLocator.this.nx + ix] = locateExactly(cx, cy);
				}
			}
			this.centreOwner = owners;
			return owners;
		}

		void collectEdges() {
			int buckets = PolygonLocator.this.nx * PolygonLocator.this.ny;
			int[] count = new int[buckets + 1];
			// two passes: count edges per bucket, then fill
			forEachEdge((bucket, ax, ay, bx, by, owner) -> count[bucket]++);
			this.start = new int[buckets + 1];
			for (int b = 0; b < buckets; b++) {
				this.start[b + 1] = this.start[b] + count[b];
			}
			int total = this.start[buckets];
			this.edgeCoords = new double[4 * total];
			this.edgeOwners = new int[total];
			int[] fill = Arrays.copyOf(this.start, buckets);
			forEachEdge((bucket, ax, ay, bx, by, owner) -> {
				int e = fill[bucket]++;
				this.edgeCoords[4 * e] = ax;
				this.edgeCoords[4 * e + 1] = ay;
				this.edgeCoords[4 * e + 2] = bx;
				this.edgeCoords[4 * e + 3] = by;
				this.edgeOwners[e] = owner;
			});
		}

		int[] localCandidates(byte[] edgeLocal, int[] candidateStart) {
			int buckets = PolygonLocator.this.nx * PolygonLocator.this.ny;
			int[] out = new int[this.edgeOwners.length + buckets];
			int n = 0;
			int[] local = new int[MAX_LOCAL_CANDIDATES + 1];
			for (int b = 0; b < buckets; b++) {
				candidateStart[b] = n;
				int count = 0;
				for (int e = this.start[b]; e < this.start[b + 1]; e++) {
					int owner = this.edgeOwners[e];
					int index = indexOf(local, count, owner);
					if (index < 0) {
						if (count == MAX_LOCAL_CANDIDATES) {
							throw new IllegalArgumentException("More than " + MAX_LOCAL_CANDIDATES
									+ " polygons meet in one bucket; are the polygons overlapping?");
						}
						index = count;
						local[count++] = owner;
					}
					edgeLocal[e] = (byte) index;
				}
				if (count > 0 && this.centreOwner[b] >= 0 && indexOf(local, count, this.centreOwner[b]) < 0) {
					local[count++] = this.centreOwner[b];
				}
				for (int i = 0; i < count; i++) {
					out[n++] = local[i];
				}
			}
			candidateStart[buckets] = n;
			return Arrays.copyOf(out, n);
		}

		private int indexOf(int[] values, int count, int value) {
			for (int i = 0; i < count; i++) {
				if (values[i] == value) {
					return i;
				}
			}
			return -1;
		}

		private void forEachEdge(EdgeSink sink) {
			for (int owner = 0; owner < PolygonLocator.this.polygons.size(); owner++) {
				Geometry geometry = PolygonLocator.this.polygons.get(owner);
				for (int p = 0; p < geometry.getNumGeometries(); p++) {
					Polygon polygon = (Polygon) geometry.getGeometryN(p);
					ring(polygon.getExteriorRing(), owner, sink);
					for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
						ring(polygon.getInteriorRingN(h), owner, sink);
					}
				}
			}
		}

		private void ring(LineString ring, int owner, EdgeSink sink) {
			Coordinate[] c = ring.getCoordinates();
			for (int i = 0; i + 1 < c.length; i++) {
				double ax = c[i].x;
				double ay = c[i].y;
				double bx = c[i + 1].x;
				double by = c[i + 1].y;
				int x0 = clampX(Math.min(ax, bx));
				int x1 = clampX(Math.max(ax, bx));
				int y0 = clampY(Math.min(ay, by));
				int y1 = clampY(Math.max(ay, by));
				for (int iy = y0; iy <= y1; iy++) {
					for (int ix = x0; ix <= x1; ix++) {
						if (edgeTouchesBucket(ax, ay, bx, by, ix, iy)) {
							sink.accept(iy * PolygonLocator.this.nx + ix, ax, ay, bx, by, owner);
						}
					}
				}
			}
		}

		/**
		 * Conservative: keeps an edge when the bucket, grown by a hair, meets the edge's
		 * line.
		 */
		private boolean edgeTouchesBucket(double ax, double ay, double bx, double by, int ix, int iy) {
			double eps = PolygonLocator.this.size * 1e-9;
			double x0 = PolygonLocator.this.minX + ix * PolygonLocator.this.size - eps;
			double y0 = PolygonLocator.this.minY + iy * PolygonLocator.this.size - eps;
			double x1 = x0 + PolygonLocator.this.size + 2 * eps;
			double y1 = y0 + PolygonLocator.this.size + 2 * eps;
			double s1 = orient(ax, ay, bx, by, x0, y0);
			double s2 = orient(ax, ay, bx, by, x1, y0);
			double s3 = orient(ax, ay, bx, by, x0, y1);
			double s4 = orient(ax, ay, bx, by, x1, y1);
			boolean allPositive = s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0;
			boolean allNegative = s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0;
			return !(allPositive || allNegative);
		}

		private int clampX(double x) {
			int i = (int) Math.floor((x - PolygonLocator.this.minX) / PolygonLocator.this.size);
			return Math.max(0, Math.min(PolygonLocator.this.nx - 1, i));
		}

		private int clampY(double y) {
			int i = (int) Math.floor((y - PolygonLocator.this.minY) / PolygonLocator.this.size);
			return Math.max(0, Math.min(PolygonLocator.this.ny - 1, i));
		}

	}

	@FunctionalInterface
	private interface EdgeSink {

		void accept(int bucket, double ax, double ay, double bx, double by, int owner);

	}

}
