package io.vgpio.app;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import io.vgpio.app.cli.Main;

/**
 * The headless application {@code io.vgpio.app.cli}: runs {@link Main#run}
 * with the user's arguments and returns its exit code. An {@code Integer}
 * returned from {@code start} becomes {@code eclipse.exitcode}, which the
 * Equinox launcher passes to {@code System.exit}.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Map<?, ?> arguments = context.getArguments();
        String[] raw = (String[]) arguments.get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return Integer.valueOf(Main.run(LauncherArgs.decode(raw)));
    }

    @Override
    public void stop() {
        // Main.run returns on its own; nothing to interrupt yet.
    }
}
