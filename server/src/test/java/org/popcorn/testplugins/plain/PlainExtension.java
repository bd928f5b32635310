package org.popcorn.testplugins.plain;

import org.pf4j.Extension;
import org.popcorn.api.PopcornExtension;

/** A test plugin contributing nothing but its tables (from its migrations): for tests of loading and repair. */
@Extension
public class PlainExtension implements PopcornExtension {
}
