package io.vgpio.trace;

import java.io.IOException;

/** A trace file is not what the format says: the message names the byte offset and what was wrong there. */
public final class TraceFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public TraceFormatException(String file, long offset, String problem) {
        super(file + ": byte offset " + offset + ": " + problem);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
