package org.cityops.grid.geometry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKBWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point-in-unit lookups over a Shanghai-scale grid (600,000 standard cells grouped into
 * 40,000 units), on one thread: CityOps' {@link PolygonLocator}, a plain JTS STRtree with
 * prepared point-in-polygon tests, and PostGIS {@code ST_Contains} with a GiST index over
 * JDBC on loopback. All three answer the same random points.
 * <p>
 * Run with {@code bench/locate.sh}, which starts a throw-away PostGIS server; see
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = { "-Xmx6g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class LocateBenchmark {

	@Param({ "1000" })
	int columns;

	@Param({ "600" })
	int rows;

	@Param({ "40000" })
	int units;

	/** JDBC URL of a PostGIS database; empty skips the PostGIS benchmark's setup. */
	@Param({ "" })
	String postgisUrl;

	private static final int POINTS = 1 << 20;

	private double[] xs;

	private double[] ys;

	private int next;

	private PolygonLocator locator;

	private STRtree tree;

	private Connection connection;

	private PreparedStatement contains;

	private PreparedStatement containsBatch;

	private java.sql.Array[][] batches;

	private int nextBatch;

	private static final int BATCH = 1000;

	@Setup(Level.Trial)
	public void setUp() throws SQLException {
		long started = System.nanoTime();
		SyntheticCityGrid grid = new SyntheticCityGrid(this.columns, this.rows, this.units, 7);
		System.out.printf("%n[setup] %d cells, %d units generated in %d ms%n", grid.cells(), grid.units.size(),
				(System.nanoTime() - started) / 1_000_000);
		Envelope e = grid.envelope();
		Random random = new Random(11);
		this.xs = new double[POINTS];
		this.ys = new double[POINTS];
		for (int i = 0; i < POINTS; i++) {
			this.xs[i] = e.getMinX() + random.nextDouble() * e.getWidth();
			this.ys[i] = e.getMinY() + random.nextDouble() * e.getHeight();
		}
		started = System.nanoTime();
		this.locator = PolygonLocator.of(grid.units);
		System.out.printf("[setup] PolygonLocator built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
		this.tree = new STRtree();
		for (int i = 0; i < grid.units.size(); i++) {
			this.tree.insert(grid.units.get(i).getEnvelopeInternal(),
					new Object[] { i, new IndexedPointInAreaLocator(grid.units.get(i)) });
		}
		this.tree.build();
		verify(grid);
		if (!this.postgisUrl.isEmpty()) {
			loadPostgis(grid);
		}
	}

	/** The benchmark is only worth running if all three answer the same. */
	private void verify(SyntheticCityGrid grid) {
		for (int i = 0; i < 20_000; i++) {
			int fast = this.locator.locate(this.xs[i], this.ys[i]);
			int exact = strtree(this.xs[i], this.ys[i]);
			if (fast != exact && !(exact >= 0 && fast >= 0 && grid.units.get(fast)
				.distance(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(this.xs[i], this.ys[i]))) == 0)) {
				throw new IllegalStateException("Locator and JTS disagree at " + this.xs[i] + "," + this.ys[i]);
			}
		}
	}

	private void loadPostgis(SyntheticCityGrid grid) throws SQLException {
		this.connection = DriverManager.getConnection(this.postgisUrl);
		try (Statement s = this.connection.createStatement()) {
			s.execute("create extension if not exists postgis");
			s.execute("drop table if exists bench_unit");
			s.execute("create table bench_unit (id int primary key, geom geometry(Geometry, 4326) not null)");
		}
		WKBWriter wkb = new WKBWriter();
		long started = System.nanoTime();
		this.connection.setAutoCommit(false);
		try (PreparedStatement insert = this.connection
			.prepareStatement("insert into bench_unit values (?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
			for (int i = 0; i < grid.units.size(); i++) {
				insert.setInt(1, i);
				insert.setBytes(2, wkb.write(grid.units.get(i)));
				insert.addBatch();
				if (i % 1000 == 999) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		try (Statement s = this.connection.createStatement()) {
			s.execute("create index bench_unit_geom on bench_unit using gist (geom)");
			s.execute("analyze bench_unit");
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
		System.out.printf("[setup] PostGIS loaded with GiST index in %d ms%n",
				(System.nanoTime() - started) / 1_000_000);
		this.contains = this.connection.prepareStatement(
				"select id from bench_unit where ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326)) limit 1");
		this.containsBatch = this.connection.prepareStatement("""
				select count(u.id) from unnest(?::float8[], ?::float8[]) as p(x, y)
				left join lateral (select id from bench_unit
				    where ST_Contains(geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)) limit 1) u on true""");
		this.batches = new java.sql.Array[64][];
		for (int b = 0; b < this.batches.length; b++) {
			Double[] bx = new Double[BATCH];
			Double[] by = new Double[BATCH];
			for (int k = 0; k < BATCH; k++) {
				bx[k] = this.xs[b * BATCH + k];
				by[k] = this.ys[b * BATCH + k];
			}
			this.batches[b] = new java.sql.Array[] { this.connection.createArrayOf("float8", bx),
					this.connection.createArrayOf("float8", by) };
		}
		for (int i = 0; i < 2000; i++) {
			int db = postgis(this.xs[i], this.ys[i]);
			int exact = strtree(this.xs[i], this.ys[i]);
			if (db != exact && db >= 0) {
				throw new IllegalStateException("PostGIS and JTS disagree at " + this.xs[i] + "," + this.ys[i]);
			}
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws SQLException {
		if (this.connection != null) {
			this.connection.close();
		}
	}

	@Benchmark
	public int polygonLocator() {
		int i = this.next++ & (POINTS - 1);
		return this.locator.locate(this.xs[i], this.ys[i]);
	}

	@Benchmark
	public int jtsStrtree() {
		int i = this.next++ & (POINTS - 1);
		return strtree(this.xs[i], this.ys[i]);
	}

	@Benchmark
	public int postgisStContains() throws SQLException {
		if (this.contains == null) {
			throw new IllegalStateException("Give -p postgisUrl=jdbc:postgresql://... to benchmark PostGIS");
		}
		int i = this.next++ & (POINTS - 1);
		return postgis(this.xs[i], this.ys[i]);
	}

	/**
	 * PostGIS without a round trip per point: 1,000 points per statement, joined in the
	 * database.
	 */
	@Benchmark
	@org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
	public int postgisStContainsBatch1000() throws SQLException {
		if (this.containsBatch == null) {
			throw new IllegalStateException("Give -p postgisUrl=jdbc:postgresql://... to benchmark PostGIS");
		}
		java.sql.Array[] batch = this.batches[this.nextBatch++ & 63];
		this.containsBatch.setArray(1, batch[0]);
		this.containsBatch.setArray(2, batch[1]);
		try (ResultSet rs = this.containsBatch.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private int strtree(double x, double y) {
		Coordinate p = new Coordinate(x, y);
		int best = -1;
		for (Object item : this.tree.query(new Envelope(p))) {
			Object[] entry = (Object[]) item;
			int id = (Integer) entry[0];
			if (((IndexedPointInAreaLocator) entry[1]).locate(p) != Location.EXTERIOR && (best < 0 || id < best)) {
				best = id;
			}
		}
		return best;
	}

	private int postgis(double x, double y) throws SQLException {
		this.contains.setDouble(1, x);
		this.contains.setDouble(2, y);
		try (ResultSet rs = this.contains.executeQuery()) {
			return rs.next() ? rs.getInt(1) : -1;
		}
	}

}
