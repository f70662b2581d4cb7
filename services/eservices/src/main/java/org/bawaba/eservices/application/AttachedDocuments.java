package org.bawaba.eservices.application;

import java.util.Set;
import java.util.UUID;

/** The document types attached to an application (implemented by the documents feature). */
public interface AttachedDocuments {

	Set<String> typesOf(UUID applicationId);

}
