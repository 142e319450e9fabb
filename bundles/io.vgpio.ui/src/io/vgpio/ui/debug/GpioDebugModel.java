package io.vgpio.ui.debug;

/** The identifiers that tie vGPIO's breakpoints and debug target to the Eclipse debug platform (see plugin.xml). */
public final class GpioDebugModel {
    /** The debug model of the device's breakpoints, target, thread and frame. */
    public static final String MODEL_ID = "io.vgpio.debug";
    /** The marker type of a GPIO breakpoint: a subtype of the platform's breakpoint marker, on the workspace root. */
    public static final String MARKER_TYPE = "io.vgpio.ui.gpioBreakpointMarker";
    /** The launch configuration type "QEMU Guest with vGPIO". */
    public static final String LAUNCH_TYPE = "io.vgpio.ui.guestLaunch";
    /**
     * The type of the launch that shows a device served without a launch configuration in the Debug view (it is
     * not offered in the launch dialogs: the workbench makes these launches itself, see {@link DebugTargets}).
     */
    public static final String DEVICE_LAUNCH_TYPE = "io.vgpio.ui.deviceLaunch";

    private GpioDebugModel() {
    }
}
