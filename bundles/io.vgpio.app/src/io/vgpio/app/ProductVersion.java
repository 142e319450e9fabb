package io.vgpio.app;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * Hands the About dialog the product's version and build. The product's aboutText (plugin.xml) says {0} and {1};
 * about.mappings maps them to the system properties set here ("$vgpio.version$"), which Eclipse's ProductProperties
 * substitutes. The build is the bundle's qualifier, the timestamp Tycho gave it (e.g. 202612020439).
 */
public final class ProductVersion {
    public static final String VERSION_PROPERTY = "vgpio.version";
    public static final String BUILD_PROPERTY = "vgpio.build";

    private ProductVersion() {
    }

    /** Sets vgpio.version ("0.1.0") and vgpio.build (the qualifier, or "development" when not built by Tycho). */
    public static void publish() {
        Bundle bundle = FrameworkUtil.getBundle(ProductVersion.class);
        Version v = bundle == null ? Version.emptyVersion : bundle.getVersion();
        System.setProperty(VERSION_PROPERTY, v.getMajor() + "." + v.getMinor() + "." + v.getMicro());
        System.setProperty(BUILD_PROPERTY, build(v.getQualifier()));
    }

    /** The qualifier as a build id; PDE's literal "qualifier" means a workspace build, not a release. */
    static String build(String qualifier) {
        return qualifier.isEmpty() || qualifier.equals("qualifier") ? "development" : qualifier;
    }
}
