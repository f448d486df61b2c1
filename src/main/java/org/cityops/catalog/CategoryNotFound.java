package org.cityops.catalog;

/**
 * No category with that code.
 */
public class CategoryNotFound extends RuntimeException {

	private CategoryNotFound(String message) {
		super(message, null, false, false);
	}

	public static CategoryNotFound forCode(String code) {
		return new CategoryNotFound("No case category with code '" + code + "'; see GET /api/v1/catalog/categories");
	}

}
