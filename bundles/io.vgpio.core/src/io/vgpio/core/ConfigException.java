package io.vgpio.core;

/** A device configuration a user wrote is not valid. The message names the problem and the fix. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
