package io.vgpio.core.tests.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.MessageType;
import io.vgpio.core.fault.FaultEffect;
import io.vgpio.core.fault.FaultFrequency;
import io.vgpio.core.fault.FaultSpec;
import io.vgpio.core.fault.FaultSpecException;
import io.vgpio.core.fault.FaultSpecParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fault spec grammar of the control socket and the configuration file: what it accepts and how it refuses. */
class FaultSpecParserTest {
    private static DeviceConfig config() throws Exception {
        return DeviceConfig.builder().lines(8).namesList("LED,BUTTON").build();
    }

    private static FaultSpec parse(String spec) throws Exception {
        return FaultSpecParser.parse(spec, config());
    }

    @Test
    @DisplayName("A request spec: type, line, effect and count as given")
    void request_spec() throws Exception {
        FaultSpec s = parse("on=request type=get-value line=3 effect=err count=1");
        assertTrue(s.onRequest());
        assertEquals(MessageType.GET_VALUE, s.type());
        assertEquals(3, s.line());
        assertEquals(FaultEffect.of(FaultEffect.Kind.ERR), s.effect());
        assertEquals(FaultFrequency.count(1), s.frequency());
    }

    @Test
    @DisplayName("A request spec may leave out type and line: it matches every request")
    void request_spec_matches_any() throws Exception {
        FaultSpec s = parse("on=request effect=hang");
        assertNull(s.type());
        assertEquals(FaultSpec.ANY_LINE, s.line());
        assertTrue(s.matchesRequest(MessageType.SET_VALUE.wireValue(), 5));
        assertTrue(s.matchesRequest(MessageType.GET_LINE_NAMES.wireValue(), 0));
    }

    @Test
    @DisplayName("A line rule names its line by number or name; a request rule with a line does not match GET_LINE_NAMES")
    void lines_by_name() throws Exception {
        assertEquals(1, parse("on=line line=BUTTON effect=drop-irq").line());
        FaultSpec s = parse("on=request line=0 effect=err");
        assertTrue(s.matchesRequest(MessageType.GET_VALUE.wireValue(), 0));
        assertTrue(!s.matchesRequest(MessageType.GET_VALUE.wireValue(), 1));
        assertTrue(!s.matchesRequest(MessageType.GET_LINE_NAMES.wireValue(), 0));
    }

    @Test
    @DisplayName("Effects with parameters: delay, stuck, glitch")
    void parameters() throws Exception {
        assertEquals(new FaultEffect(FaultEffect.Kind.DELAY, 2500, 0), parse("on=request effect=delay:2500").effect());
        assertEquals(1, parse("on=line line=2 effect=stuck:1").effect().stuckLevel());
        FaultEffect g = parse("on=line line=2 effect=glitch:50:10 seed=7").effect();
        assertEquals(50, g.glitchWidthMicros());
        assertEquals(10, g.glitchRate());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("The canonical text parses back to the same spec")
    @CsvSource(delimiter = '|', value = {
        "on=request type=get-value line=3 effect=err count=1",
        "on=request type=get-names effect=short-length every=3",
        "on=request type=set-irq-type line=7 effect=delay:100 prob=0.25 seed=42",
        "on=line line=1 effect=dup-irq",
        "on=line line=4 effect=glitch:20:100 seed=0",
        "on=line line=0 effect=stuck:0 count=2"})
    void canonical_round_trip(String text) throws Exception {
        FaultSpec s = parse(text);
        assertEquals(text, s.text());
        assertEquals(s, parse(s.text()));
    }

    @Test
    @DisplayName("Keys may come in any order; the text puts them in one")
    void any_order() throws Exception {
        assertEquals("on=request type=set-value line=1 effect=err every=2",
                parse("every=2 effect=err line=BUTTON type=set-value on=request").text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("A malformed spec is refused with a message naming the bad key or value")
    @CsvSource(delimiter = '|', value = {
        "''|empty fault spec",
        "effect=err|on= is required",
        "on=eventq effect=err|on=eventq",
        "on=request|effect= is required",
        "on=request effect=boom|effect=boom",
        "on=request effect=drop-irq|effect=drop-irq: is an effect on lines",
        "on=line line=1 effect=err|effect=err: is an effect on requests",
        "on=line effect=drop-irq|line= is required",
        "on=line line=1 type=get-value effect=drop-irq|type=get-value",
        "on=request type=get-valu effect=err|type=get-valu",
        "on=request line=8 effect=err|line=8",
        "on=request line=NOPE effect=err|line=NOPE",
        "on=request effect=err count=0|count=0",
        "on=request effect=err count=x|count=x",
        "on=request effect=err every=-1|every=-1",
        "on=request effect=err prob=1.5 seed=1|prob=1.5",
        "on=request effect=err prob=abc|prob=abc",
        "on=request effect=err count=1 every=2|exclude each other",
        "on=request effect=err seed=pi|seed=pi",
        "on=request effect=delay|delay takes one parameter",
        "on=request effect=delay:0|effect=delay:0",
        "on=request effect=delay:99999999999|effect=delay:99999999999",
        "on=request effect=err:1|err takes no parameter",
        "on=line line=1 effect=stuck:2|effect=stuck:2",
        "on=line line=1 effect=glitch:10|glitch takes two parameters",
        "on=line line=1 effect=glitch:10:0|effect=glitch:10:0",
        "on=line line=1 effect=glitch:200000:10|width 200000",
        "on=request effect=err colour=red|unknown key 'colour'",
        "on=request effect=err effect=hang|'effect' is given twice",
        "on=request effect=err garbage|'garbage' is not key=value"})
    void malformed(String spec, String named) {
        FaultSpecException e = assertThrows(FaultSpecException.class, () -> parse(spec));
        assertTrue(e.getMessage().contains(named), "'" + e.getMessage() + "' names " + named);
    }
}
