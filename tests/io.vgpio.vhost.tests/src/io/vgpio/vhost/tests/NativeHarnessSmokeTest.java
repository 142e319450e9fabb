package io.vgpio.vhost.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * HARNESS SMOKE TEST, not a test of io.vgpio.vhost: it proves that the Tycho
 * test runtime of this fragment loads JNA's native library and can call
 * libc, and that tests get the repository root as -Dvgpio.repo.
 */
class NativeHarnessSmokeTest {

    @Test
    void jnaCallsLibc() {
        assertEquals(8, Native.POINTER_SIZE);
        int pid = NativeLibrary.getInstance("c").getFunction("getpid").invokeInt(new Object[0]);
        assertEquals(ProcessHandle.current().pid(), pid);
    }

    @Test
    void repositoryRootIsKnown() {
        String repo = System.getProperty("vgpio.repo");
        assertNotNull(repo, "-Dvgpio.repo is not set");
        assertTrue(Files.isRegularFile(Path.of(repo, "pom.xml")), repo + " is not the repository root");
        assertTrue(Files.isDirectory(Path.of(repo, "bundles", "io.vgpio.vhost")), repo + " has no bundles/io.vgpio.vhost");
    }
}
