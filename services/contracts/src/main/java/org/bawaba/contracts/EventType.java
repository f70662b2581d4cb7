package org.bawaba.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable CloudEvents {@code type} of an event record and the topic it travels on. The type, never
 * the Java class name, is the contract: {@code org.bawaba.<service>.<entity>.<happened>.v<N>}. Its
 * JSON Schema is {@code schemas/<type>.json} in this jar.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/** The CloudEvents type, e.g. {@code org.bawaba.eservices.application.submitted.v1}. */
	String value();

	/** The Kafka topic, one of the {@link Topics} constants. */
	String topic();

}
