package io.vgpio.trace;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventLog;
import io.vgpio.core.control.ControlServer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The recording of one device: at most one {@link TraceRecorder} at a time, each started from the device's state
 * at that moment. The device's session, the workbench's Trace > Record... and the control socket's {@code record}
 * command all start and stop it here.
 */
public final class Recordings implements AutoCloseable {
    private final DeviceConfig config;
    private final EventLog log;
    private final Supplier<DeviceState> startState;
    private TraceRecorder current;

    /**
     * @param startState the device's state now, taken atomically with the log's position (under the chip's
     *        monitor: {@link io.vgpio.core.Chip#snapshot()})
     */
    public Recordings(DeviceConfig config, EventLog log, Supplier<DeviceState> startState) {
        this.config = config;
        this.log = log;
        this.startState = startState;
    }

    /**
     * Records into a file from now on, ending a recording in progress first.
     *
     * @throws IOException if the file cannot be written (the previous recording has ended anyway)
     */
    public synchronized TraceRecorder start(Path file) throws IOException {
        stop();
        current = new TraceRecorder(file, config, log, startState.get());
        return current;
    }

    /**
     * Records into a file from now on, unless a recording is in progress.
     *
     * @return the new recording, or null when one was in progress (it goes on)
     */
    public synchronized TraceRecorder startIfIdle(Path file) throws IOException {
        return current != null ? null : start(file);
    }

    /**
     * Ends the recording in progress, if any: the rest is written with the end marker.
     *
     * @return the recording that ended, or null if none was in progress
     * @throws IOException if the rest could not be written (the file holds what was flushed before)
     */
    public synchronized TraceRecorder stop() throws IOException {
        TraceRecorder r = current;
        current = null;
        if (r != null) {
            r.close();
        }
        return r;
    }

    /** The recording in progress, or null. */
    public synchronized TraceRecorder current() {
        return current;
    }

    /** Adds {@code record start FILE} and {@code record stop} to a control socket. */
    public void addControlCommands(ControlServer control) {
        control.addCommand("record", "record start FILE|stop", this::command);
    }

    private String command(String[] args) {
        if (args.length >= 2 && args[0].equals("start")) {
            Path file = Path.of(String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length)));
            try {
                if (startIfIdle(file) != null) {
                    return "ok";
                }
                TraceRecorder busy = current();
                return "err already recording" + (busy == null ? "" : " to " + busy.file()) + "; 'record stop' first";
            } catch (IOException e) {
                return "err cannot record to " + file + ": " + reason(e);
            }
        }
        if (args.length == 1 && args[0].equals("stop")) {
            try {
                TraceRecorder r = stop();
                return r == null ? "err not recording" : "ok " + r.bytes() + " " + r.events();
            } catch (IOException e) {
                return "err the recording ended incomplete: " + e.getMessage();
            }
        }
        return "err usage: record start FILE | record stop";
    }

    /** Why a file cannot be written, in words: NIO's own message of a missing directory is only the path. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** Ends the recording in progress; a write error is the caller's to report through {@link #stop()}. */
    @Override
    public void close() throws IOException {
        stop();
    }
}
