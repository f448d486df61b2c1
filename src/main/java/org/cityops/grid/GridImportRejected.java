package org.cityops.grid;

import java.util.List;

/**
 * A grid or layer file that was not imported, with every problem found. Nothing was
 * changed.
 */
class GridImportRejected extends org.cityops.shared.Problem {

	private final List<ImportProblem> problems;

	private final int total;

	GridImportRejected(List<ImportProblem> problems, int total) {
		super(Kind.INVALID,
				total + " problem(s) found; nothing was imported. "
						+ problems.stream()
							.limit(3)
							.map((p) -> ((p.feature() >= 0) ? "Feature #" + p.feature() + " " : "")
									+ ((p.code() != null) ? "(" + p.code() + ") " : "") + p.reason())
							.collect(java.util.stream.Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	static GridImportRejected of(List<ImportProblem> problems) {
		int shown = Math.min(problems.size(), 500);
		return new GridImportRejected(problems.subList(0, shown), problems.size());
	}

	static GridImportRejected because(String reason) {
		return of(List.of(ImportProblem.ofFile(reason)));
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

	public int total() {
		return this.total;
	}

	@Override
	public String title() {
		return "Grid file rejected";
	}

	@Override
	public String type() {
		return "/problems/grid-file-rejected";
	}

	@Override
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of("problems", this.problems, "total", this.total);
	}

}
