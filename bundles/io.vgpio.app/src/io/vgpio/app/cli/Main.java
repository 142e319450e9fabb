package io.vgpio.app.cli;

/**
 * PLACEHOLDER, to be replaced by the real command line: it only prints the
 * usage and returns 2 so that the launcher and the exit-code path can be
 * tested end to end.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line; returns the process exit code. */
    public static int run(String[] args) {
        System.out.println("usage: vgpio <command> [args...]");
        System.out.println("  workbench [args]   open the vGPIO Workbench window");
        System.out.println("  serve ...          (not implemented yet)");
        System.out.println("  bench ...          (not implemented yet)");
        System.out.println("  guest ...          run the test guest (releng/guest/run-guest.sh)");
        System.out.println("  help               this text");
        System.out.flush();
        return 2;
    }
}
