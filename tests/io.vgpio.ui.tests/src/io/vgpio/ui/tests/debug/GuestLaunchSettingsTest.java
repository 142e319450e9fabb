package io.vgpio.ui.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.ui.debug.GpioDebugModel;
import io.vgpio.ui.debug.launch.GuestLaunchSettings;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The "QEMU Guest with vGPIO" launch configuration's settings and the run-guest.sh command they make. */
class GuestLaunchSettingsTest {
    private static final Path RUNNER = Path.of("/r/run-guest.sh");
    private static final Path SOCKET = Path.of("/tmp/gpio.sock");

    @Test
    @DisplayName("The configuration type is registered and its settings survive a round trip through its attributes")
    void round_trip() throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(GpioDebugModel.LAUNCH_TYPE);
        assertNotNull(type, "the type is registered");
        assertEquals("QEMU Guest with vGPIO", type.getName());
        assertTrue(type.supportsMode("debug") && type.supportsMode("run"));
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "round trip");
        GuestLaunchSettings s = new GuestLaunchSettings("", "", "loglevel=8", "-s -m '512M'", true, "", false);
        s.write(wc);
        assertEquals(s, GuestLaunchSettings.read(wc));
    }

    @Test
    @DisplayName("A suspend keeps the GPIO Debug perspective: no prompt to switch to the platform's Debug perspective")
    void launches_stay_in_the_gpio_debug_perspective() {
        for (String id : new String[] {GpioDebugModel.LAUNCH_TYPE, GpioDebugModel.DEVICE_LAUNCH_TYPE}) {
            ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(id);
            assertEquals(GpioDebugPerspective.ID, DebugUITools.getLaunchPerspective(type, "debug"), id);
        }
    }

    @Test
    @DisplayName("Command line, KVM and QMP reach run-guest.sh; a bad setting is named")
    void command_and_problems() {
        GuestLaunchSettings s = new GuestLaunchSettings("", "", "loglevel=8", "-s", true, "", true);
        assertNull(s.problem());
        assertEquals(List.of("/r/run-guest.sh", "--socket", "/tmp/gpio.sock", "--raw-console", "--timeout", "0",
                "--append", "loglevel=8", "--kvm", "--qemu-arg", "-s", "--qemu-arg", "-qmp", "--qemu-arg",
                "unix:/tmp/gpio.sock.qmp,server=on,wait=off"),
                s.options(Path.of("/tmp/gpio.sock.qmp")).command(RUNNER, SOCKET));
        assertEquals(List.of("/r/run-guest.sh", "--socket", "/tmp/gpio.sock", "--raw-console", "--timeout", "0"),
                GuestLaunchSettings.defaults().options(null).command(RUNNER, SOCKET), "TCG, no QMP, no extras");
        assertTrue(new GuestLaunchSettings("", "", "", "-s 'open", false, "", true).problem()
                .startsWith("Extra QEMU arguments: unclosed"));
        assertTrue(new GuestLaunchSettings("/no/kernel", "", "", "", false, "", true).problem()
                .contains("kernel and an initrd"));
        assertTrue(new GuestLaunchSettings("", "", "", "", false, "/no/device.conf", true).problem()
                .contains("/no/device.conf is not a readable file"));
    }
}
