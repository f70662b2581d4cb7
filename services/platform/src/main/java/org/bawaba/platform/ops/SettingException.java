package org.bawaba.platform.ops;

/** A setting the service cannot start with: which one, what is wrong with it, and what to do. */
public class SettingException extends IllegalStateException {

	private final String setting;

	private final String problem;

	private final String action;

	public SettingException(String setting, String problem, String action) {
		super(setting + " " + problem + ". " + action);
		this.setting = setting;
		this.problem = problem;
		this.action = action;
	}

	public String setting() {
		return setting;
	}

	public String problem() {
		return problem;
	}

	public String action() {
		return action;
	}

}
