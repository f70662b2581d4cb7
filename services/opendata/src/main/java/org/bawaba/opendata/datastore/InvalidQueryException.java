package org.bawaba.opendata.datastore;

/**
 * A datastore query that cannot be run as asked: the parameter and what is wrong with it (English; CKAN's
 * {@code Validation Error} carries it as {@code {"<parameter>": ["<message>"]}}).
 */
public class InvalidQueryException extends RuntimeException {

	private final String parameter;

	InvalidQueryException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return parameter;
	}

}
