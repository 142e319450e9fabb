package io.vgpio.core.qmp;

import java.io.IOException;

/** QEMU answered something that is not QMP, or an error, or went away. */
public final class QmpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean refused;

    public QmpException(String message) {
        this(message, false);
    }

    QmpException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** QEMU answered the command with an error: the session itself is fine. */
    public boolean refused() {
        return refused;
    }
}
