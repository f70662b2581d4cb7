package org.bawaba.gateway.hardening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which paths name an actuator endpoint, however they are written. */
class ActuatorPathsTest {

	@Test
	void anActuatorSegmentIsFoundHoweverItIsWritten() {
		for (String path : new String[] { "/api/x/actuator/prometheus", "/api/x/%61ctuator", "/api/x/%2561ctuator/env",
				"//actuator", "/api/x/actuator;jsessionid=1/env", "/api/x/ACTUATOR", "/a/..%2Factuator/env",
				"/a\\actuator\\env", "/api/x/actuator%20/env", "/api/x/%252561ctuator" }) {
			assertThat(ActuatorPaths.isActuator(path)).as(path).isTrue();
		}
	}

	@Test
	void otherPathsAreLeftAlone() {
		for (String path : new String[] { "/api/x/actuators", "/api/x/my-actuator/1", "/api/opendata/datasets",
				"/api/x/%zz", "/", "" }) {
			assertThat(ActuatorPaths.isActuator(path)).as(path).isFalse();
		}
	}

}
