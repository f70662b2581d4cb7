package org.bawaba.contracts;

/**
 * An event an agency publishes about its own work, on its own agency's topic ({@link Topics#ofAgency}):
 * its {@link EventType#topic()} holds {@value Topics#AGENCY}, which {@link #agency()} fills.
 */
public interface AgencyEvent extends DomainEvent {

	/** The code of the agency publishing it, and so the topic it travels on. */
	String agency();

}
