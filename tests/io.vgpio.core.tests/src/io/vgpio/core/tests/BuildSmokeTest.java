package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * HARNESS SMOKE TEST, not a test of io.vgpio.core: it only proves that the
 * Tycho/JUnit 5 harness finds and runs the tests of this fragment. Delete it
 * once real tests live here.
 */
class BuildSmokeTest {

    @Test
    void harnessRunsJUnit5Tests() {
        assertEquals(2, 1 + 1);
    }
}
