package org.cityops.grid;

/**
 * One reason a file was rejected: the feature's position in the file (0-based; -1 for the
 * file as a whole), its code when it has one, and what is wrong.
 */
record ImportProblem(int feature, String code, String reason) {

	public static ImportProblem ofFile(String reason) {
		return new ImportProblem(-1, null, reason);
	}

}
