package io.vgpio.ui.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.Platform;

/**
 * Finds the project's guest runner, releng/guest/run-guest.sh, which builds (once, cached) and boots the test
 * guest. The product has no copy of it: it runs from the source checkout it was built in, which ./vgpio names in
 * VGPIO_HOME; the product and the test runtime also lie inside that checkout, so walking up from the install
 * location finds it too.
 */
public final class GuestLauncher {
    private GuestLauncher() {
    }

    /** The guest runner of the source checkout this product was built from (VGPIO_HOME, or above the product). */
    public static Path runGuestScript() throws IOException {
        List<Path> tried = new ArrayList<>();
        String home = System.getenv("VGPIO_HOME");
        if (home != null) {
            tried.add(Path.of(home));
        }
        try {
            for (Path p = Path.of(Platform.getInstallLocation().getURL().toURI()); p != null; p = p.getParent()) {
                tried.add(p);
            }
        } catch (Exception e) {
            // no install location: only VGPIO_HOME
        }
        for (Path p : tried) {
            Path s = p.resolve("releng/guest/run-guest.sh");
            if (Files.isExecutable(s)) {
                return s;
            }
        }
        throw new IOException("The test guest needs the vGPIO source checkout (releng/guest/run-guest.sh); start the"
                + " workbench with ./vgpio workbench from the checkout, or set VGPIO_HOME to it.");
    }
}
